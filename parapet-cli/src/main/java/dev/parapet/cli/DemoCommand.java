package dev.parapet.cli;

import dev.parapet.config.ConfigLoader;
import dev.parapet.demo.DemoApi;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.service.ScanService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parapet demo}: starts the bundled demo API on 127.0.0.1, scans it like {@code parapet scan} would, writes
 * {@code parapet-demo.json}, and stops the API. It takes the tuning options of {@code parapet scan} ({@code --rate},
 * {@code --max-time}, {@code --checks}, {@code --mode}…) and reads {@code ./parapet.yaml} (or {@code --config}) like
 * it; {@code PARAPET_*} variables do not apply, so an environment set up for a real target never changes the demo.
 * The scan is stored in the history like any other (unless {@code --no-store}); ./.parapet-suppressions.yaml applies
 * only when named with {@code --suppressions}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scan the bundled, deliberately vulnerable demo API (on 127.0.0.1).",
                "Writes parapet-demo.json unless -o says otherwise. Exit codes as for 'parapet scan'."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--fixed", description = "Scan the remediated twin of the demo API instead.")
    boolean fixed;

    @Mixin
    TuningOptions tuning = new TuningOptions();

    @Mixin
    GateOptions gate = new GateOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: ./parapet.yaml if present).")
    Path config;

    @Mixin
    TriageOptions triage = new TriageOptions();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        logging.apply();
        if (output.outputs.isEmpty()) {
            output.outputs.add(Path.of("parapet-demo.json"));
        }
        Path file = config != null ? config : Path.of("parapet.yaml");
        if (config != null && !java.nio.file.Files.isRegularFile(config)) {
            throw new dev.parapet.config.ConfigException("--config " + config + ": no such file");
        }
        Map<String, String> settings = ConfigLoader.readFile(file);
        PrintWriter err = spec.commandLine().getErr();
        TriageOptions.Inputs inputs = triage.load(false);
        DemoApi.Variant variant = fixed ? DemoApi.Variant.FIXED : DemoApi.Variant.VULNERABLE;
        try (LoopbackHttpServer api = DemoApi.start(variant)) {
            err.println("parapet: demo API (" + variant.name().toLowerCase(java.util.Locale.ROOT)
                    + ") listening on " + api.uri() + "; scanning it");
            Map<String, String> flags = new LinkedHashMap<>();
            tuning.into(flags);
            gate.into(flags);
            ConfigLoader.Resolved resolved = ConfigLoader.resolve(api.uri(), settings, Map.of(), flags);
            return ScanRunner.run(ScanService.withInstalledChecks(), resolved, output, inputs, store,
                    spec.commandLine().getOut(), err);
        }
    }
}
