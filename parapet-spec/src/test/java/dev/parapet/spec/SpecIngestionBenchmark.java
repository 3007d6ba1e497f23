package dev.parapet.spec;

import dev.parapet.spi.ApiSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures ingestion of a generated 1,000-operation spec: wall time and peak heap (sum of the heap pools' peaks
 * since they were reset, in MiB). A measurement, not a test: nothing is asserted about speed. Run it with
 * {@code java -cp ... dev.parapet.spec.SpecIngestionBenchmark [output-file]}; the build runs it once through
 * {@link SpecIngestionBenchmarkTest} and writes {@code target/spec-benchmark.txt}.
 */
public final class SpecIngestionBenchmark {

    /** 500 resources with a GET and a PUT each. */
    static final int RESOURCES = 500;

    private SpecIngestionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/spec-benchmark.txt");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, run());
    }

    /** Ingests the generated spec once to warm up, then once measured; returns the report lines. */
    static String run() {
        String spec = GeneratedSpec.json(RESOURCES);
        URI target = URI.create("http://127.0.0.1:8080/");
        OpenApiSpecLoader loader = new OpenApiSpecLoader();
        loader.load(spec, URI.create("http://127.0.0.1:8080/openapi.json"), target, 0);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        ApiSpec result = loader.load(spec, URI.create("http://127.0.0.1:8080/openapi.json"), target, 0);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return String.format(Locale.ROOT, "spec bytes: %d%noperations kept: %d%nskipped: %d%nwarnings: %d%n"
                        + "ingestion time: %d ms%npeak heap: %d MiB%n", spec.length(), result.keptOperations(),
                result.skippedOperations(), result.warnings().size(), millis, peak >> 20);
    }
}
