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
 * {@code parapet-demo.json}, and stops the API. Environment and parapet.yaml do not apply: the demo shows defaults.
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
    GateOptions gate = new GateOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

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
        PrintWriter err = spec.commandLine().getErr();
        TriageOptions.Inputs inputs = triage.load(false);
        DemoApi.Variant variant = fixed ? DemoApi.Variant.FIXED : DemoApi.Variant.VULNERABLE;
        try (LoopbackHttpServer api = DemoApi.start(variant)) {
            err.println("parapet: demo API (" + variant.name().toLowerCase(java.util.Locale.ROOT)
                    + ") listening on " + api.uri() + "; scanning it");
            Map<String, String> flags = new LinkedHashMap<>();
            gate.into(flags);
            ConfigLoader.Resolved resolved = ConfigLoader.resolve(api.uri(), Map.of(), Map.of(), flags);
            return ScanRunner.run(ScanService.withInstalledChecks(), resolved, output, inputs, store,
                    spec.commandLine().getOut(), err);
        }
    }
}
