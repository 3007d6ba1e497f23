package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.DemoApi;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.testkit.fixtures.UngradableTargetFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan that did not test the API is never a pass: not graded, exit 3, one line saying why and what to do, and the
 * headline of every output says NOT GRADED instead of a grade.
 */
class UngradedScanTest {

    @TempDir
    Path dir;

    private record Scan(CliRun run, JsonNode report) {
        String lastLine() {
            List<String> lines = run.out().strip().lines().toList();
            return lines.getLast();
        }
    }

    private Scan scan(LoopbackHttpServer target, String... extra) throws Exception {
        Path json = dir.resolve("report.json");
        List<String> args = new ArrayList<>(List.of("scan", target.uri().toString(), "-o", json.toString(),
                "--color", "never", "--no-store"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        return new Scan(run, new ObjectMapper().readTree(Files.readString(json)));
    }

    private static void assertNotGraded(Scan s, String reason) {
        assertThat(s.run().exitCode()).as(s.run().out() + s.run().err()).isEqualTo(3);
        assertThat(s.report().path("verdict").path("state").asText()).isEqualTo("not-graded");
        assertThat(s.report().path("verdict").path("reason").asText()).isEqualTo(reason);
        assertThat(s.run().out()).contains("NOT GRADED (").doesNotContain("Grade A").doesNotContain("PASSED");
        assertThat(s.lastLine()).startsWith("FAILED: not graded: ");
        assertThat(s.run().err().lines().filter(l -> l.startsWith("parapet: not graded: "))).hasSize(1);
    }

    @Test
    void targetThatThrottlesEveryRequestIsNotGradedAndSaysToLowerTheRate() throws Exception {
        try (LoopbackHttpServer target = UngradableTargetFixtures.throttlesEverything()) {
            Scan s = scan(target, "--max-time", "20s");
            assertNotGraded(s, "throttled");
            assertThat(s.run().err()).containsPattern("not graded: every one of \\d+ answers was 429 Too Many "
                    + "Requests; lower --rate or allow-list the scanner");
        }
    }

    @Test
    void proxyWhoseBackendIsDeadIsNotGraded() throws Exception {
        try (LoopbackHttpServer target = UngradableTargetFixtures.badGatewayForEverything()) {
            Scan s = scan(target, "--max-time", "20s");
            assertNotGraded(s, "gateway-errors");
            assertThat(s.run().err()).containsPattern("every one of \\d+ answers was a gateway error");
        }
    }

    @Test
    void plainHtmlSiteIsNotGradedBecauseNothingApiLikeWasFound() throws Exception {
        try (LoopbackHttpServer target = UngradableTargetFixtures.plainHtmlSite()) {
            Scan s = scan(target, "--max-time", "30s");
            assertNotGraded(s, "no-api");
            assertThat(s.run().err()).contains("no API endpoint was found").contains("--spec");
        }
    }

    @Test
    void targetThatDiesAfterItsFirstGetIsAFindingAndNotGraded() throws Exception {
        try (LoopbackHttpServer target = UngradableTargetFixtures.diesAfterFirstGet()) {
            Scan s = scan(target, "--max-time", "30s", "--connect-timeout", "2s");
            assertNotGraded(s, "target-died");
            assertThat(s.run().err()).contains("the target stopped answering after GET /");
            JsonNode finding = null;
            for (JsonNode f : s.report().path("findings")) {
                if (f.path("checkId").asText().equals("target-stopped-answering")) {
                    finding = f;
                }
            }
            assertThat(finding).as(s.report().path("findings").toString()).isNotNull();
            assertThat(finding.path("category").asText()).isEqualTo("rate-limiting");
            assertThat(finding.path("endpoint").path("method").asText()).isEqualTo("GET");
            assertThat(finding.path("curl").asText()).contains(target.uri().toString());
            assertThat(s.run().out()).contains("Target stopped answering after GET /");
        }
    }

    @Test
    void demoScanCutShortByItsTimeBudgetIsNotPassedAndKeepsItsFindings() throws Exception {
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.VULNERABLE)) {
            Scan s = scan(demo, "--max-time", "2s");
            assertNotGraded(s, "time-budget");
            assertThat(s.report().path("complete").asBoolean()).isFalse();
            assertThat(s.run().err()).contains("not graded: time budget of 2 s exhausted with ")
                    .contains("raise --max-time");
            assertThat(s.run().out()).doesNotContainPattern("█+░*\\s+100\\s+no findings");
        }
    }

    @Test
    void everyFormatHeadlinesNotGradedInsteadOfAGrade() throws Exception {
        try (LoopbackHttpServer target = UngradableTargetFixtures.throttlesEverything()) {
            Path md = dir.resolve("r.md");
            Path html = dir.resolve("r.html");
            Path sarif = dir.resolve("r.sarif");
            Path junit = dir.resolve("r.xml");
            CliRun run = CliRun.of("scan", target.uri().toString(), "--format", "table", "--no-store",
                    "--max-time", "20s", "-o", md.toString(), "-o", html.toString(), "-o", sarif.toString(),
                    "-o", junit.toString());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).contains("NOT GRADED (every one of").doesNotContain("Grade ");
            assertThat(Files.readString(md)).contains("## Parapet · NOT GRADED (every one of")
                    .doesNotContain("Grade A");
            assertThat(Files.readString(html)).contains("NOT GRADED (every one of").doesNotContain("Grade A");
            JsonNode props = new ObjectMapper().readTree(Files.readString(sarif)).path("runs").get(0)
                    .path("properties");
            assertThat(props.path("grade").isNull()).isTrue();
            assertThat(props.path("verdict").path("reason").asText()).isEqualTo("throttled");
            assertThat(Files.readString(junit)).contains("<testsuite name=\"verdict\"")
                    .contains("type=\"not-graded\"");
        }
    }
}
