package dev.parapet.cli;

import dev.parapet.triage.Baseline;
import dev.parapet.triage.Suppressions;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --baseline} and {@code --suppressions}: which findings the gate leaves out. Shared by scan and demo. */
final class TriageOptions {

    /** What the gate leaves out, read and validated before the scan starts. */
    record Inputs(Optional<Baseline> baseline, Suppressions suppressions) {
    }

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Gate only on findings that are not in this baseline (see 'parapet baseline create'); "
                    + "the report still lists every finding.")
    Path baseline;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "Accepted findings with a reason and an expiry date (default: ./"
                    + Suppressions.DEFAULT_FILE + " if present).")
    Path suppressions;

    /**
     * Reads the files. {@code defaultFile} says whether {@code ./.parapet-suppressions.yaml} applies when
     * {@code --suppressions} is not given.
     *
     * @throws dev.parapet.config.ConfigException when a file is missing or malformed
     */
    Inputs load(boolean defaultFile) {
        Optional<Baseline> b = baseline == null ? Optional.empty() : Optional.of(Baseline.read(baseline));
        Path file = suppressions;
        if (file == null && defaultFile && Files.isRegularFile(Path.of(Suppressions.DEFAULT_FILE))) {
            file = Path.of(Suppressions.DEFAULT_FILE);
        }
        return new Inputs(b, file == null ? Suppressions.NONE : Suppressions.read(file));
    }
}
