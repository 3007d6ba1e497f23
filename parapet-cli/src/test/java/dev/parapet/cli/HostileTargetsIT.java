package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar in a JVM of its own with a 512 MiB heap, against a loopback target that is hostile everywhere: a
 * spec of 2,000 operations that each answer a gzip bomb (32 MiB of zeros in 32 KiB), one that answers a
 * 200,000-character single word in a header and in the body, one that drips a byte every 200 ms for ever, and one
 * that redirects for ever. The scan must end within its {@code --max-time} (plus start-up and writing), write a
 * report that reads back, and never run out of memory. Prints the wall time and the peak resident set seen.
 */
class HostileTargetsIT {

    private static final int OPERATIONS = 2_000;
    private static final int MAX_TIME_SECONDS = 30;
    /** Start-up, the end-of-scan undo pass and rendering: what the wall may exceed the time budget by. */
    private static final int SLACK_SECONDS = 30;

    /** Kept when the test fails, so the report, stdout and stderr can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aScanOfTwoThousandBombsAHugeWordADripAndARedirectLoopEndsInTimeWithAReportAndNoOutOfMemory()
            throws Exception {
        byte[] bomb = gzipOfZeros(32 << 20);
        String word = "w".repeat(200_000);
        try (LoopbackHttpServer target = LoopbackHttpServer.builder()
                .route("GET", "/word", r -> Response.text(200, word).header("X-Word", word))
                .raw("GET", "/drip", HostileTargetsIT::drip)
                .route("GET", "/loop/*", r -> Response.empty(302).header("Location",
                        "/loop/" + (Long.parseLong(r.path().substring("/loop/".length())) + 1)))
                .route("GET", "*", r -> new Response(200, List.of(Map.entry("Content-Type", "application/json"),
                        Map.entry("Content-Encoding", "gzip")), bomb))
                .start()) {
            Path spec = dir.resolve("spec.json");
            Files.writeString(spec, spec(target.uri().toString()));
            long started = System.nanoTime();
            Process p = start("scan", target.uri().toString(), "--spec", spec.toString(),
                    "--max-time", MAX_TIME_SECONDS + "s", "--rate", "400", "--concurrency", "16",
                    "--read-timeout", "5s", "--no-progress", "-o", "report.json");
            long peakRssKib = waitWatchingRss(p, MAX_TIME_SECONDS + SLACK_SECONDS);
            double wall = (System.nanoTime() - started) / 1e9;
            String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
            System.out.println("scan directory: " + dir);
            System.out.printf("hostile targets: exit %d, wall %.1f s, peak RSS %d MiB, %d requests served%n",
                    p.exitValue(), wall, peakRssKib / 1024, target.requestCount());

            assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("Exception in thread");
            assertThat(wall).isLessThan(MAX_TIME_SECONDS + SLACK_SECONDS);
            Path report = dir.resolve("report.json");
            assertThat(report).as(err).exists();
            var read = JsonReport.fromJson(Files.readString(report, StandardCharsets.UTF_8));
            assertThat(read.target()).isEqualTo(target.uri().toString());
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            System.out.printf("report: %d bytes, %d findings, %d s in the scan%n", Files.size(report),
                    json.path("findings").size(), json.path("durationMillis").asLong() / 1000);
            assertThat(json.path("stats").path("requestsSent").asLong()).as("the bombs were fetched")
                    .isGreaterThan(OPERATIONS / 2);
            for (JsonNode finding : json.path("findings")) {
                for (JsonNode exchange : finding.path("exchanges")) {
                    assertThat(exchange.path("response").path("body").asText().length())
                            .isLessThanOrEqualTo(4 << 10);
                }
            }
        }
    }

    private Process start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", System.getProperty("parapet.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PARAPET_HOME", dir.resolve("parapet-home").toString());
        builder.environment().remove("PARAPET_DB_URL");
        return builder.start();
    }

    /** Waits for {@code p} (killing it after {@code seconds}) and returns the highest resident set seen, in KiB. */
    private static long waitWatchingRss(Process p, int seconds) throws Exception {
        long peak = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Path status = Path.of("/proc/" + p.pid() + "/status");
        while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > until) {
                p.destroyForcibly();
                throw new AssertionError("parapet did not finish within " + seconds + " s");
            }
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | NumberFormatException notLinuxOrGone) {
                // no /proc here, or the process just ended: the peak stays what was seen
            }
        }
        return peak;
    }

    private static String spec(String server) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "hostile").put("version", "1");
        doc.putArray("servers").addObject().put("url", server);
        ObjectNode paths = doc.putObject("paths");
        for (int i = 0; i < OPERATIONS; i++) {
            operation(paths, "/bomb/" + i, "bomb" + i);
        }
        operation(paths, "/word", "word");
        operation(paths, "/drip", "drip");
        operation(paths, "/loop/0", "loop");
        return mapper.writeValueAsString(doc);
    }

    private static void operation(ObjectNode paths, String path, String id) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", id);
        get.putObject("responses").putObject("200").put("description", "ok");
    }

    private static byte[] gzipOfZeros(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 16];
            for (int written = 0; written < size; written += zeros.length) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    /** Headers, then one byte every 200 ms until the client gives up. */
    private static void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write('[');
            for (int i = 0; i < 10_000; i++) {
                body.write('0');
                body.write(',');
                body.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException clientLeft) {
            // the scanner closed the connection: the drip is over
        }
    }
}
