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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tools against the real engine, checks, store and the demo API, without the protocol in between. */
class ParapetToolsTest {

    @TempDir
    static Path home;

    static LoopbackHttpServer demo;
    static ParapetTools tools;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoApi.start(DemoApi.Variant.VULNERABLE);
        tools = new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                TargetPolicy.withSystemResolver(List.of()), Map.of());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void scanApiStoresTheScanAndSummarisesFindingsWithRemediation() throws Exception {
        ParapetTools.Output out = tools.scanApi(Map.of("url", demo.uri().toString()));
        JsonNode report = new ObjectMapper().readTree((String) out.structured());
        String id = report.path("scanId").asText();
        assertThat(report.path("findings").size()).isPositive();
        assertThat(out.text()).startsWith("Scan " + id + " of ").contains("stored as " + id)
                .contains("grade ").contains("Findings: ").contains("  Fix: ");
        assertThat(tools.getScan(Map.of("scanId", id)).text()).contains(id);
        assertThat(tools.listScans(Map.of("target", demo.uri().toString())).text()).contains(id);
    }

    @Test
    void diffOfAScanWithItselfHasNothingNewOrResolved() throws Exception {
        String id = new ObjectMapper().readTree((String) tools.scanApi(Map.of("url", demo.uri().toString(),
                "mode", "passive")).structured()).path("scanId").asText();
        ParapetTools.Output diff = tools.diffScans(Map.of("a", id, "b", id));
        assertThat(diff.text()).contains("0 new, 0 resolved");
    }

    @Test
    void refusesSpecAndTierUntilTheyAreSupported() {
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "spec", "openapi.json")))
                .isInstanceOf(ToolException.class).hasMessageContaining("spec is not supported yet");
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(), "tier", "deep")))
                .isInstanceOf(ToolException.class).hasMessageContaining("tier is not supported yet");
    }

    @Test
    void refusesHeadersOrAnyOtherUndeclaredArgument() {
        assertThatThrownBy(() -> tools.scanApi(Map.of("url", demo.uri().toString(),
                "headers", Map.of("Authorization", "Bearer x"))))
                .isInstanceOf(ToolException.class).hasMessageContaining("does not accept headers");
    }

    @Test
    void credentialsInTheServersEnvironmentNeverFollowATargetTheAssistantNames() throws Exception {
        ParapetTools withEnv = new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                TargetPolicy.withSystemResolver(List.of()), Map.of("PARAPET_AUTH_BEARER", "operator-token-123",
                "PARAPET_CHECKS", "www-authenticate"));
        JsonNode report = new ObjectMapper().readTree((String) withEnv.scanApi(Map.of("url", demo.uri().toString(),
                "mode", "passive")).structured());
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
    void listScansValidatesItsLimit() {
        assertThatThrownBy(() -> tools.listScans(Map.of("limit", 0)))
                .isInstanceOf(ToolException.class).hasMessageContaining("limit must be a whole number");
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
                Map.of("PARAPET_CHECKS", "www-authenticate"));
        JsonNode report = new ObjectMapper().readTree((String) pinned.scanApi(Map.of("url",
                "http://" + name + ":" + demo.uri().getPort() + "/", "mode", "passive")).structured());
        assertThat(report.path("target").asText()).contains(name);
        assertThat(report.path("endpoints").size()).isPositive();
    }

    @Test
    void aPasswordInTheUrlsUserInfoIsInNoToolAnswer() throws Exception {
        String password = "mcp-pw-R4t8Lq2Z";
        ParapetTools.Output scan = tools.scanApi(Map.of("url", "http://ann:" + password + "@127.0.0.1:"
                + demo.uri().getPort() + "/", "mode", "passive"));
        String id = new ObjectMapper().readTree((String) scan.structured()).path("scanId").asText();
        ParapetTools.Output list = tools.listScans(Map.of());
        assertThat(List.of(scan.text(), (String) scan.structured(), list.text(), String.valueOf(list.structured()),
                tools.getScan(Map.of("scanId", id)).text())).allSatisfy(o -> assertThat(o).doesNotContain(password)
                .doesNotContain("ann:"));
        assertThat(list.text()).contains(id);
    }
}
