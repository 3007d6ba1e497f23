package dev.parapet.cli;

import dev.parapet.config.ConfigException;
import dev.parapet.model.ScanReport;
import dev.parapet.report.JsonReport;
import dev.parapet.triage.Baseline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parapet baseline}: manage the findings a project already knows about. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Baselines: findings already known, kept out of the gate by 'parapet scan --baseline FILE'.",
        subcommands = {BaselineCommand.Create.class})
final class BaselineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: try 'parapet baseline create --from <scan-id|report.json> -o "
                        + ".parapet-baseline.json'");
    }

    /** {@code parapet baseline create}: every finding of one scan, by fingerprint. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Write a baseline of every finding in a stored scan or a JSON report.")
    static final class Create implements Callable<Integer> {

        @Option(names = "--from", required = true, paramLabel = "SCAN",
                description = "A stored scan's id (see 'parapet history') or a JSON report file (-o report.json).")
        String from;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Where to write the baseline (default .parapet-baseline.json).")
        Path output = Path.of(".parapet-baseline.json");

        @Mixin
        DbOption db = new DbOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ScanReport report = load();
            Baseline baseline = Baseline.of(report);
            try {
                Path parent = output.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(output, baseline.toJson(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException("cannot write " + output + ": " + e.getMessage()
                        + " (check the directory exists and is writable)");
            }
            spec.commandLine().getErr().println("parapet: baseline of " + baseline.fingerprints().size()
                    + " finding(s) from scan " + report.scanId() + " written to " + output
                    + "; use it with 'parapet scan <url> --baseline " + output + "'");
            return ExitCode.PASSED.code;
        }

        private ScanReport load() {
            Path file = Path.of(from);
            if (Files.isRegularFile(file)) {
                try {
                    return JsonReport.fromJson(Files.readString(file));
                } catch (IOException e) {
                    throw new ConfigException("--from " + from + ": cannot read it: " + e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("--from " + from + ": not a Parapet JSON report: " + e.getMessage());
                }
            }
            if (from.endsWith(".json") || from.contains("/") || from.contains(java.io.File.separator)) {
                throw new ConfigException("--from " + from + ": no such file (give a JSON report written with "
                        + "-o report.json, or a scan id from 'parapet history')");
            }
            return db.open().find(from);
        }
    }
}
