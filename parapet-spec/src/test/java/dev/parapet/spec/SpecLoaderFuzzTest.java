package dev.parapet.spec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parapet.spi.ApiSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of the loader: whatever bytes arrive as a spec, {@link OpenApiSpecLoader} answers with
 * operations and warnings, never an exception, and never reaches the network (Jazzer's server-side request forgery
 * sanitizer reports any connection). Run by {@code ./mvnw verify} in regression mode: it replays the inputs in
 * {@code SpecLoaderFuzzTestInputs/readsAnyBytesIntoOperationsOrWarnings} (valid specs, broken YAML, reference
 * cycles, alias bombs, deep nesting, references to files and URLs). {@code JAZZER_FUZZ=1} fuzzes for real, with the
 * loader, swagger-parser, Jackson and SnakeYAML instrumented ({@code junit-platform.properties}).
 *
 * <p>Inputs containing {@code $ref} are also read as a local file, so the reference walk that keeps the parser off
 * the network is fuzzed too.
 */
class SpecLoaderFuzzTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");
    private static final URI LOCATION = URI.create("http://127.0.0.1:8080/openapi.yaml");
    private static Path dir;
    private final OpenApiSpecLoader loader = new OpenApiSpecLoader();

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("parapet-spec-fuzz-");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void readsAnyBytesIntoOperationsOrWarnings(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        holdsItsContract(loader.load(text, LOCATION, TARGET, input.length));
        if (text.contains("$ref")) {
            Path file = dir.resolve("spec.yaml");
            Files.write(file, input);
            holdsItsContract(loader.load(file, TARGET, 0));
        }
    }

    private static void holdsItsContract(ApiSpec spec) {
        assertThat(spec).isNotNull();
        assertThat(spec.keptOperations()).isEqualTo(spec.operations().size());
        assertThat(spec.skippedOperations()).isNotNegative();
        if (spec.operations().isEmpty()) {
            assertThat(spec.warnings()).as("an empty result says why").isNotEmpty();
        }
        assertThat(spec.warnings()).allSatisfy(w -> {
            assertThat(w.message()).isNotBlank();
            assertThat(w.pointer()).matches("|(/[^/]*)+");
        });
    }
}
