package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.DemoApi;
import dev.parapet.demo.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Action's entry script run as the composite action runs it (bash, INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files) against the demo API, with the jar this build produced.
 */
class ActionEntrypointIT {

    private static final Path SCRIPT = Path.of("..", ".github", "action", "entrypoint.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Run(int exit, String log, Map<String, String> outputs, String summary) {
    }

    private Run run(Map<String, String> inputs) throws Exception {
        return run(inputs, true);
    }

    /** {@code givenJar}: the jar this build produced, as PARAPET_JAR; otherwise the script downloads a release. */
    private Run run(Map<String, String> inputs, boolean givenJar) throws Exception {
        Path output = Files.createFile(dir.resolve("github-output"));
        Path summary = Files.createFile(dir.resolve("step-summary.md"));
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("PARAPET_") || k.startsWith("GITHUB_"));
        String javaBin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().toString();
        env.put("PATH", javaBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.remove("JAVA_HOME");
        if (givenJar) {
            env.put("PARAPET_JAR", System.getProperty("parapet.jar"));
        }
        env.put("PARAPET_HOME", dir.resolve("home").toString());
        env.put("RUNNER_TEMP", dir.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.putAll(inputs);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the entry script did not finish within 180 s");
        }
        Map<String, String> outputs = Files.readAllLines(output).stream().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b, LinkedHashMap::new));
        return new Run(p.exitValue(), Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8), outputs,
                Files.readString(summary, StandardCharsets.UTF_8));
    }

    private JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aPassingScanSetsEveryOutputWritesTheSummaryAndSarifAndExitsZero() throws Exception {
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.FIXED)) {
            Run r = run(Map.of("INPUT_URL", demo.uri().toString(), "INPUT_FAIL_ON", "critical",
                    "INPUT_COMMENT", "comment/parapet.md"));
            assertThat(r.exit()).as(r.log()).isZero();
            assertThat(r.outputs()).containsKeys("score", "grade", "findings-count", "scan-id", "sarif", "report");
            assertThat(r.outputs().get("grade")).matches("[A-F]");
            assertThat(r.outputs().get("score")).matches("\\d{1,3}");
            assertThat(r.outputs().get("scan-id")).matches("[0-9a-f]{12}");
            assertThat(r.outputs().get("findings-count")).matches("\\d+");
            assertThat(r.outputs().get("sarif")).isEqualTo("parapet.sarif");
            assertThat(r.outputs().get("report")).isEqualTo("comment/parapet.md");
            assertThat(r.summary()).contains(r.outputs().get("scan-id").substring(0, 6)).contains("#");
            assertThat(Files.readString(dir.resolve("comment/parapet.md"))).isEqualTo(r.summary());
            JsonNode sarif = json(dir.resolve("parapet.sarif"));
            assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
            assertThat(sarif.path("runs").get(0).path("results").size())
                    .isEqualTo(Integer.parseInt(r.outputs().get("findings-count")));
        }
    }

    @Test
    void aGateBreachFailsTheStepButStillWritesTheOutputsAndSummary() throws Exception {
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.VULNERABLE)) {
            Run r = run(Map.of("INPUT_URL", demo.uri().toString(), "INPUT_SARIF", "out/scan.sarif"));
            assertThat(r.exit()).as(r.log()).isEqualTo(1);
            assertThat(Integer.parseInt(r.outputs().get("findings-count"))).isPositive();
            assertThat(r.outputs().get("sarif")).isEqualTo("out/scan.sarif");
            assertThat(Files.exists(dir.resolve("out/scan.sarif"))).isTrue();
            assertThat(r.summary()).isNotBlank();
        }
    }

    @Test
    void credentialsFromParapetAuthVariablesAndArgsReachTheScanButNeverItsReports() throws Exception {
        String secret = "s3cr3t-action-token-4711";
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.VULNERABLE)) {
            Run r = run(Map.of("INPUT_URL", demo.uri().toString(), "INPUT_FAIL_ON", "none",
                    "INPUT_ARGS", "--checks 'security-headers' --no-store", "PARAPET_AUTH_BEARER", secret));
            assertThat(r.exit()).as(r.log()).isZero();
            JsonNode report = json(dir.resolve("parapet.json"));
            assertThat(report.path("findings").size()).isPositive();
            report.path("findings").forEach(f -> assertThat(f.path("checkId").asText()).isEqualTo("security-headers"));
            assertThat(r.outputs().get("json")).isEqualTo("parapet.json");
            assertThat(r.log() + r.summary() + Files.readString(dir.resolve("parapet.sarif"))
                    + Files.readString(dir.resolve("parapet.json"))).doesNotContain(secret);
        }
    }

    @Test
    void aDownloadedReleaseRunsOnlyWhenItMatchesItsPublishedChecksum() throws Exception {
        Path release = Files.createDirectories(dir.resolve("releases/download/v9.9.9"));
        Path jar = Files.copy(Path.of(System.getProperty("parapet.jar")), release.resolve("parapet-9.9.9.jar"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.FIXED)) {
            Files.writeString(release.resolve("parapet-9.9.9.jar.sha256"), "0".repeat(64) + "  parapet-9.9.9.jar\n");
            Map<String, String> inputs = Map.of("INPUT_URL", demo.uri().toString(), "INPUT_VERSION", "9.9.9",
                    "INPUT_FAIL_ON", "critical", "INPUT_CHECKS", "security-headers", "PARAPET_RELEASES_URL", dir.resolve("releases").toUri().toString());
            Run tampered = run(inputs, false);
            assertThat(tampered.exit()).as(tampered.log()).isEqualTo(2);
            assertThat(tampered.log()).contains("does not match its published SHA-256");
            assertThat(demo.requestCount()).isZero();

            Files.delete(dir.resolve("github-output"));
            Files.delete(dir.resolve("step-summary.md"));
            Files.writeString(release.resolve("parapet-9.9.9.jar.sha256"), sha + "  parapet-9.9.9.jar\n");
            Run verified = run(inputs, false);
            assertThat(verified.exit()).as(verified.log()).isZero();
            assertThat(verified.log()).contains("parapet-9.9.9.jar verified (sha256 " + sha + ")");
            assertThat(verified.outputs().get("grade")).matches("[A-F]");
        }
    }

    @Test
    void aHeadersInputIsRefusedBeforeAnythingIsScanned() throws Exception {
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.FIXED)) {
            Run r = run(Map.of("INPUT_URL", demo.uri().toString(),
                    "INPUT_HEADERS", "{\"Authorization\":\"Bearer secret\"}"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.log()).contains("replaced by auth-header").doesNotContain("Bearer secret");
            assertThat(demo.requestCount()).isZero();
            assertThat(r.outputs()).isEmpty();
        }
    }
}
