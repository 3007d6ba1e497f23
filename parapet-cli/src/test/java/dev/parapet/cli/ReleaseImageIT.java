package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OCI image Jib writes in the release profile ({@code target/jib-image.tar}, Docker's save format): its config
 * (entrypoint the CLI, a non-root user, the OCI labels) and the CLI run from the files its layers hold. Outside the
 * release profile the tarball is not built and this test is skipped; in it a missing tarball fails.
 */
class ReleaseImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("parapet.image.tar", "target/jib-image.tar"));
    private static final String VERSION = System.getProperty("parapet.version", "dev");

    @TempDir
    static Path dir;

    private static JsonNode config;
    private static List<String> layers;

    @BeforeAll
    static void openTheTarball() throws Exception {
        if (!Boolean.getBoolean("parapet.image.required")) {
            assumeTrue(Files.isRegularFile(IMAGE), "no image tarball at " + IMAGE + " (built by ./mvnw -Prelease)");
        }
        assertThat(IMAGE).as("the release profile builds the image tarball").isRegularFile();
        Path unpacked = Files.createDirectories(dir.resolve("image"));
        tar(false, "-xf", IMAGE.toString(), "-C", unpacked.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        config = json.readTree(unpacked.resolve(manifest.path("Config").asText()).toFile()).path("config");
        layers = StreamSupport.stream(manifest.path("Layers").spliterator(), false)
                .map(l -> unpacked.resolve(l.asText()).toString()).toList();
    }

    @Test
    void runsTheCliAsAnUnprivilegedUser() {
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).last().isEqualTo("dev.parapet.cli.Main");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532").doesNotStartWith("0");
    }

    @Test
    void carriesTheOpenContainersLabels() {
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("Parapet");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://github.com/");
        assertThat(labels.path("org.opencontainers.image.description").asText()).isNotBlank();
    }

    @Test
    void theCliFromTheImageLayersAnswersItsVersion() throws Exception {
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        for (String layer : layers) {
            // Only the application's files: the base image's JRE is replaced by the JVM running this test.
            tar(true, "-xzf", layer, "-C", root.toString(), "--wildcards", "app/*");
        }
        Path classpathFile = root.resolve("app/jib-classpath-file");
        assertThat(classpathFile).as("Jib's class path file in the image").isRegularFile();
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint).contains("@/app/jib-classpath-file");
        String classpath = Files.readString(classpathFile).strip().replace("/app/", root.resolve("app") + "/");

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", classpath, "dev.parapet.cli.Main", "--version")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("parapet " + VERSION);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Runs tar; {@code tolerant} accepts "not found in archive" (a layer without the wanted members). */
    private static void tar(boolean tolerant, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tar", "--no-same-owner"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tar finished").isTrue();
        if (!tolerant) {
            assertThat(p.exitValue()).as("tar %s: %s", String.join(" ", args), out).isZero();
        }
    }
}
