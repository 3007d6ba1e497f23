package dev.parapet.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.DemoApi;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.service.ScanService;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tools against the real engine, checks, store and the demo API, without the protocol in between. */
class ParapetToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    @TempDir
    static Path workDir;

    static LoopbackHttpServer demo;
    static ParapetTools tools;
    /** One full scan of the vulnerable demo, shared by the tests that read it. */
    static ParapetTools.Output scan;
    static String scanId;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoApi.start(DemoApi.Variant.VULNERABLE);
        tools = new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                TargetPolicy.withSystemResolver(List.of()), Map.of(), workDir);
        scan = tools.scanApi(Map.of("url", demo.uri().toString()));
        scanId = (String) scan.structured().get("scanId");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Only one check, in passive mode: a scan in a second, for the tests about arguments. */
    private static ParapetTools quick(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("PARAPET_CHECKS", "www-authenticate"));
        all.putAll(env);
        return new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                TargetPolicy.withSystemResolver(List.of()), all, workDir);
    }

    private static JsonNode report(String id) throws Exception {
        return JSON.readTree(tools.getReport(Map.of("scanId", id, "maxChars", 200_000)).text());
    }

    @Test
    void scanApiAnswersConciselyWithVerdictCountsTopFindingsAndCoverage() throws Exception {
        Map<String, Object> s = scan.structured();
        assertThat(s).containsKeys("grade", "score", "counts", "topFindings", "coverage", "reports");
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) s.get("verdict");
        assertThat(verdict.get("state")).isIn("graded", "not-graded");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> top = (List<Map<String, Object>>) s.get("topFindings");
        assertThat(top).hasSizeBetween(1, ScanSummary.TOP_FINDINGS);
        assertThat(top.getFirst()).containsKeys("id", "severity", "title", "endpoint", "fix");
        assertThat((int) s.get("findings")).isGreaterThan(top.size());
        assertThat(scan.text()).startsWith("Scan " + scanId + " of ").contains("stored as " + scanId)
                .contains("Findings: ").contains("  Fix: ").contains("Coverage: ")
                .contains("parapet://scans/" + scanId + "/report.json").doesNotContain("```");
        // the whole answer stays small: details are one call away
        int bytes = scan.text().length() + JSON.writeValueAsString(s).length();
        assertThat(bytes).isLessThan(12_000);
    }

    @Test
    void aGradedScanHeadlinesItsGradeAndAnUngradedOneItsReason() {
        Map<String, Object> s = scan.structured();
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) s.get("verdict");
        if ("graded".equals(verdict.get("state"))) {
            assertThat(scan.text()).contains("(GRADED)").contains("grade " + s.get("grade"));
            assertThat(verdict.get("reason")).isNull();
        } else {
            assertThat(scan.text()).contains("NOT GRADED (");
            assertThat(s.get("grade")).isNull();
        }
        assertThat(tools.getScan(Map.of("scanId", scanId)).structured().get("verdict")).isEqualTo(verdict);
    }

    @Test
    void aScanOfAPlainWebPageIsNotGradedAndSaysWhy() throws Exception {
        try (LoopbackHttpServer page = LoopbackHttpServer.builder().route("GET", "/", r ->
                LoopbackHttpServer.Response.html(200, "<html><body><p>Hello</p></body></html>")).start()) {
            assertNotGraded(quick(Map.of()).scanApi(Map.of("url", page.uri().toString(), "mode", "passive")),
                    page.uri().toString());
        }
    }

    private static void assertNotGraded(ParapetTools.Output out, String target) {
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) out.structured().get("verdict");
        assertThat(verdict.get("state")).isEqualTo("not-graded");
        assertThat(verdict.get("reason")).isNotNull();
        assertThat(out.structured().get("grade")).isNull();
        assertThat(out.text()).contains("NOT GRADED (");
        assertThat(tools.listScans(Map.of("target", target)).text()).contains("NOT GRADED (");
    }

    @Test
    void getFindingGivesEvidenceCurlAndPlainTextRemediation() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> top = (List<Map<String, Object>>) scan.structured().get("topFindings");
        String id = (String) top.getFirst().get("id");
        ParapetTools.Output f = tools.getFinding(Map.of("scanId", scanId, "findingId", id.substring(0, 8)));
        assertThat(f.structured().get("id")).isEqualTo(id);
        assertThat((String) f.structured().get("curl")).startsWith("curl ");
        assertThat((String) f.structured().get("remediation")).isNotBlank().doesNotContain("```").doesNotContain("**");
        assertThat(f.text()).contains("Reproduce:\ncurl ").contains("Remediation:\n");
        assertThatThrownBy(() -> tools.getFinding(Map.of("scanId", scanId, "findingId", "ffffffffffff")))
                .isInstanceOf(ToolException.class).hasMessageContaining("has no finding ffffffffffff");
    }

    @Test
    void getReportPagesThroughTheWholeReportInEveryFormat() throws Exception {
        ParapetTools.Output first = tools.getReport(Map.of("scanId", scanId, "maxChars", 1000));
        assertThat(first.text()).hasSize(1000);
        int total = (int) first.structured().get("totalChars");
        StringBuilder all = new StringBuilder(first.text());
        Object next = first.structured().get("nextOffset");
        while (next != null) {
            ParapetTools.Output page = tools.getReport(Map.of("scanId", scanId, "offset", next, "maxChars", 200_000));
            all.append(page.text());
            next = page.structured().get("nextOffset");
        }
        assertThat(all).hasSize(total);
        assertThat(JSON.readTree(all.toString()).path("scanId").asText()).isEqualTo(scanId);
        assertThat(tools.getReport(Map.of("scanId", scanId, "format", "markdown")).text()).startsWith("#");
        assertThat(tools.getReport(Map.of("scanId", scanId, "format", "sarif")).text()).startsWith("{")
                .contains("\"version\"");
        assertThatThrownBy(() -> tools.getReport(Map.of("scanId", scanId, "format", "pdf")))
                .isInstanceOf(ToolException.class).hasMessageContaining("json, markdown or sarif");
    }

    @Test
    void reportsAreReadableAsResourcesByTheirUri() throws Exception {
        ParapetTools.Report json = tools.readReport("parapet://scans/" + scanId + "/report.json");
        assertThat(json.mimeType()).isEqualTo("application/json");
        assertThat(JSON.readTree(json.text()).path("findings").size()).isEqualTo(scan.structured().get("findings"));
        assertThat(tools.readReport("parapet://scans/" + scanId + "/report.md").mimeType()).isEqualTo("text/markdown");
        assertThatThrownBy(() -> tools.readReport("parapet://scans/" + scanId + "/report.exe"))
                .isInstanceOf(ToolException.class).hasMessageContaining("no such resource");
    }

    @Test
    void aSpecFileUnderTheWorkingDirectoryGuidesTheScan() throws Exception {
        String openapi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(demo.uri().resolve("/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Files.createDirectories(workDir.resolve("api"));
        Files.writeString(workDir.resolve("api/openapi.json"), openapi);
        ParapetTools.Output out = quick(Map.of()).scanApi(Map.of("url", demo.uri().toString(), "spec",
                "api/openapi.json", "mode", "passive", "tier", "quick"));
        String source = report((String) out.structured().get("scanId")).path("spec").path("source").asText();
        assertThat(source).endsWith("openapi.json");
    }

    @Test
    void aSpecUrlOnAnAdmittedHostIsFetched() throws Exception {
        ParapetTools.Output out = quick(Map.of()).scanApi(Map.of("url", demo.uri().toString(), "spec",
                demo.uri().resolve("/openapi.json").toString(), "mode", "passive"));
        assertThat(report((String) out.structured().get("scanId")).path("spec").path("source").asText())
                .isEqualTo(demo.uri().resolve("/openapi.json").toString());
    }

    @Test
    void refusesSpecsOutsideTheWorkingDirectoryOrOnHostsThePolicyRefuses() throws Exception {
        Path outside = Files.createTempFile("parapet-outside", ".json");
        try {
            Files.createSymbolicLink(workDir.resolve("link.json"), outside);
            List<Map<String, Object>> refused = new ArrayList<>(List.of(
                    Map.of("url", demo.uri().toString(), "spec", "../" + outside.getFileName()),
                    Map.of("url", demo.uri().toString(), "spec", outside.toString()),
                    Map.of("url", demo.uri().toString(), "spec", "link.json")));
            for (Map<String, Object> args : refused) {
                assertThatThrownBy(() -> tools.scanApi(args)).isInstanceOf(ToolException.class)
                        .hasMessageContaining("outside the server's working directory");
            }
        } finally {
            Files.deleteIfExists(outside);
        }
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "spec", "missing.json")))
                .isInstanceOf(ToolException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "spec",
                "http://8.8.8.8/openapi.json"))).isInstanceOf(ToolException.class)
                .hasMessageContaining("spec URL refused").hasMessageContaining("outside the loopback and private");
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "spec", "file:///etc/passwd")))
                .isInstanceOf(ToolException.class).hasMessageContaining("http(s) URL");
    }

    @Test
    void refusesAnUnknownTierWithTheValidatorsMessage() {
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "tier", "extreme")))
                .isInstanceOf(ToolException.class).hasMessageContaining("quick, standard, deep");
    }

    @Test
    void reportsProgressOncePerCheckAndNeverBackwards() {
        List<double[]> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        quick(Map.of("PARAPET_CHECKS", "www-authenticate,security-headers")).scanApi(Map.of("url",
                demo.uri().toString(), "mode", "passive"), (done, total, message) -> steps.add(new double[]{done, total}));
        assertThat(steps).isNotEmpty();
        assertThat(steps.getLast()[0]).isEqualTo(steps.getLast()[1]);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i)[0]).isGreaterThanOrEqualTo(steps.get(i - 1)[0]);
        }
    }

    @Test
    void diffOfAScanWithItselfHasNothingNewOrResolved() {
        ParapetTools.Output diff = tools.diffScans(Map.of("a", scanId, "b", scanId));
        assertThat(diff.text()).contains("0 new, 0 resolved").contains("Verdict: ");
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) diff.structured().get("from");
        assertThat(from.get("verdict")).isEqualTo(scan.structured().get("verdict"));
    }

    @Test
    void refusesHeadersOrAnyOtherUndeclaredArgument() {
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(),
                "headers", Map.of("Authorization", "Bearer x"))))
                .isInstanceOf(ToolException.class).hasMessageContaining("does not accept headers");
    }

    @Test
    void credentialsInTheServersEnvironmentNeverFollowATargetTheAssistantNames() throws Exception {
        ParapetTools withEnv = quick(Map.of("PARAPET_AUTH_BEARER", "operator-token-123"));
        String id = (String) withEnv.scanApi(Map.of("url", demo.uri().toString(), "mode", "passive"))
                .structured().get("scanId");
        JsonNode report = report(id);
        assertThat(report.has("auth")).isFalse();
        assertThat(report.path("checks").size()).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidModeWithTheValidatorsMessage() {
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "mode", "active")))
                .isInstanceOf(ToolException.class).hasMessageStartingWith("scan_api: ");
    }

    @Test
    void anUnknownScanIdIsAToolErrorNamingIt() {
        assertThatThrownBy(() -> tools.getScan(Map.of("scanId", "ffffffffffff")))
                .isInstanceOf(ToolException.class).hasMessageContaining("ffffffffffff");
    }

    @Test
    void listScansValidatesItsLimitAndShowsEachVerdict() {
        assertThatThrownBy(() -> tools.listScans(Map.of("limit", 0)))
                .isInstanceOf(ToolException.class).hasMessageContaining("limit must be a whole number");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) tools.listScans(Map.of()).structured()
                .get("scans");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("verdict")).isInstanceOf(Map.class));
    }

    @Test
    void listChecksNamesEveryInstalledCheck() {
        ParapetTools.Output out = tools.listChecks(Map.of());
        ScanService.withInstalledChecks().descriptors()
                .forEach(d -> assertThat(out.text()).contains("- " + d.id() + " ("));
    }

    @Test
    void aScanOfAnAdmittedNameConnectsToTheAddressThatWasChecked() throws Exception {
        // the name exists nowhere but in the policy's answer: the scan reaches the demo only through the pin
        String name = "demo.parapet-pin.invalid";
        ParapetTools pinned = new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                new TargetPolicy(List.of(), host -> new java.net.InetAddress[]{
                        java.net.InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1})}),
                Map.of("PARAPET_CHECKS", "www-authenticate"), workDir);
        ParapetTools.Output out = pinned.scanApi(Map.of("url", "http://" + name + ":" + demo.uri().getPort() + "/",
                "mode", "passive"));
        assertThat((String) out.structured().get("target")).contains(name);
        assertThat(report((String) out.structured().get("scanId")).path("endpoints").size()).isPositive();
    }

    @Test
    void aPasswordInTheUrlsUserInfoIsInNoToolAnswer() throws Exception {
        String password = "mcp-pw-R4t8Lq2Z";
        ParapetTools.Output out = quick(Map.of()).scanApi(Map.of("url", "http://ann:" + password + "@127.0.0.1:"
                + demo.uri().getPort() + "/", "mode", "passive"));
        String id = (String) out.structured().get("scanId");
        ParapetTools.Output list = tools.listScans(Map.of());
        assertThat(List.of(out.text(), JSON.writeValueAsString(out.structured()), list.text(),
                JSON.writeValueAsString(list.structured()), tools.getScan(Map.of("scanId", id)).text(),
                tools.getReport(Map.of("scanId", id, "maxChars", 200_000)).text(),
                tools.readReport("parapet://scans/" + id + "/report.md").text()))
                .allSatisfy(o -> assertThat(o).doesNotContain(password).doesNotContain("ann:"));
        assertThat(list.text()).contains(id);
    }
}
