package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users run it, in its own process: packaging (service files, logging config), the demo from an
 * empty directory, and Ctrl-C leaving a partial report behind.
 */
class ShadedJarIT {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Process start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", System.getProperty("parapet.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PARAPET_HOME", dir.resolve("parapet-home").toString());
        builder.environment().remove("PARAPET_DB_URL");
        return builder.start();
    }

    private Result finish(Process p) throws Exception {
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("parapet did not finish within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void demoFromAnEmptyDirectoryWritesParapetDemoJsonAndFailsTheGate() throws Exception {
        Result r = finish(start("demo"));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("Grade ");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("logback");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("parapet-demo.json").toFile());
        assertThat(report.path("findings").size()).isPositive();
        assertThat(report.path("complete").asBoolean()).isTrue();
    }

    @Test
    void ctrlCWritesThePartialReportMarkedIncompleteAndExitsThree() throws Exception {
        try (LoopbackHttpServer slow = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"links\":[\"/a\",\"/b\",\"/c\"]}"))
                .route("GET", "*", r -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Response.json(200, "{\"ok\":true}");
                }).start()) {
            Process p = start("scan", slow.uri().toString(), "-o", "partial.json", "--rate", "2");
            // Wait until the scan is under way (the server has seen requests), then press Ctrl-C.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (slow.requestCount() < 3 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
            Result r = finish(p);
            assertThat(r.exit()).as(r.err()).isEqualTo(3);
            assertThat(r.err()).contains("parapet: stopping, writing what was found so far")
                    .contains("not graded: stopped by the user");
            JsonNode report = new ObjectMapper().readTree(dir.resolve("partial.json").toFile());
            assertThat(report.path("complete").asBoolean()).isFalse();
            assertThat(report.path("incompleteReason").asText()).contains("interrupted by user");
        }
    }

    @Test
    void versionAnswersFromTheJar() throws Exception {
        Result r = finish(start("--version"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("parapet ");
    }
}
