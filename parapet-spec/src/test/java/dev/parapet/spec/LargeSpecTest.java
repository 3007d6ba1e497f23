package dev.parapet.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.spi.ApiSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10 MB spec, generated here rather than committed, loads as JSON and as YAML (which the parser alone refuses past
 * 3 MiB), from a file and from fetched text; a file over the size cap is refused with a warning before it is read.
 */
class LargeSpecTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");
    private static final int RESOURCES = 500;
    private static final int TEN_MB = 10_000_000;
    private static String json;
    private final OpenApiSpecLoader loader = new OpenApiSpecLoader();

    @BeforeAll
    static void generate() {
        json = GeneratedSpec.padded(RESOURCES, TEN_MB);
    }

    private static String yaml() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 << 20);
        return new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build())
                .writeValueAsString(new ObjectMapper().readTree(json));
    }

    @Test
    void loadsATenMegabyteJsonSpecFromAFile(@TempDir Path dir) throws Exception {
        assertThat(json.length()).isGreaterThanOrEqualTo(TEN_MB);
        Path file = dir.resolve("large.json");
        Files.writeString(file, json);
        ApiSpec spec = loader.load(file, TARGET, 0);
        assertThat(spec.keptOperations()).isEqualTo(2 * RESOURCES);
        assertThat(spec.warnings()).isEmpty();
    }

    @Test
    void loadsATenMegabyteYamlSpecFromAFileAndFromText(@TempDir Path dir) throws Exception {
        String yaml = yaml();
        assertThat(yaml.length()).isGreaterThan(ExternalRefs.PARSER_YAML_LIMIT);
        Path file = dir.resolve("large.yaml");
        Files.writeString(file, yaml);
        ApiSpec fromFile = loader.load(file, TARGET, 0);
        assertThat(fromFile.keptOperations()).isEqualTo(2 * RESOURCES);
        assertThat(fromFile.operations().getFirst().responseSchemaProperties()).contains("id", "name", "child");
        ApiSpec fromText = loader.load(yaml, URI.create("http://127.0.0.1:8080/openapi.yaml"), TARGET, 0);
        assertThat(fromText.keptOperations()).isEqualTo(2 * RESOURCES);
    }

    @Test
    void explainsATenMegabyteYamlDocumentItCannotRead() {
        String broken = "openapi: 3.0.3\npaths:\n  /a: [\n" + "    - x\n".repeat(TEN_MB / 8);
        ApiSpec spec = loader.load(broken, URI.create("http://127.0.0.1:8080/openapi.yaml"), TARGET, 0);
        assertThat(spec.operations()).isEmpty();
        assertThat(spec.warnings()).singleElement().satisfies(w ->
                assertThat(w.message()).startsWith("not valid YAML at line 4, column 5: ").doesNotContain("\n"));
    }

    @Test
    void refusesAFileOverTheSizeCapWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(OpenApiSpecLoader.MAX_FILE_BYTES + 1); // sparse: no disk or heap spent
        }
        ApiSpec spec = loader.load(file, TARGET, 0);
        assertThat(spec.operations()).isEmpty();
        assertThat(spec.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("over the 64 MiB"));
    }
}
