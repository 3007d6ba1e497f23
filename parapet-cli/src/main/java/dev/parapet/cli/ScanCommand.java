package dev.parapet.cli;

import dev.parapet.config.ConfigLoader;
import dev.parapet.service.ScanService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code parapet scan <url>}: the main job. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scan an API and grade it.",
                "Exit codes: 0 passed, 1 gate failed, 2 usage or configuration error, 3 scan could not complete."})
final class ScanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The API to scan, e.g. http://127.0.0.1:8080/api")
    String url;

    @Mixin
    TuningOptions tuning = new TuningOptions();

    @Mixin
    AuthOptions auth = new AuthOptions();

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
    public Integer call() {
        logging.apply();
        URI target = ConfigLoader.parseTarget(url);
        Map<String, String> flags = new LinkedHashMap<>();
        tuning.into(flags);
        auth.into(flags);
        gate.into(flags);
        Path file = config != null ? config : Path.of("parapet.yaml");
        if (config != null && !java.nio.file.Files.isRegularFile(config)) {
            throw new dev.parapet.config.ConfigException("--config " + config + ": no such file");
        }
        ConfigLoader.Resolved resolved = ConfigLoader.resolve(target, ConfigLoader.readFile(file),
                ConfigLoader.fromEnvironment(System.getenv()), flags);
        return ScanRunner.run(ScanService.withInstalledChecks(), resolved, output, triage.load(true), store,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
