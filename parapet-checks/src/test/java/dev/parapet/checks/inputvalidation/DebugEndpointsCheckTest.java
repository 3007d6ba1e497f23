package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.DebugEndpointFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DebugEndpointsCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new DebugEndpointsCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return DebugEndpointFixtures.exposed();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return DebugEndpointFixtures.notFound();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    private static Finding at(List<Finding> findings, String path) {
        return findings.stream().filter(f -> f.endpoint().uri().getPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing at " + path + " in " + findings));
    }

    @Test
    void flagsCockroachStatusAndAdminRoutesAsHighWithHostTags() throws IOException {
        List<Finding> findings = findingsOn(DebugEndpointFixtures.exposed());
        for (String path : List.of("/_status/vars", "/_admin/v1/databases", "/_admin/v1/users")) {
            Finding f = at(findings, path);
            assertThat(f.severity()).as(path).isEqualTo(Severity.HIGH);
            assertThat(f.confidence()).as(path).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.tags()).as(path).contains("container-escape", "stage:host");
        }
        assertThat(at(findings, "/_status/vars").evidence()).contains("text/plain")
                .contains("random path /parapet-nx-");
    }

    @Test
    void raisesAnEnvironmentDumpHoldingADatabasePasswordToCriticalAndMasksIt() throws IOException {
        Finding f = at(findingsOn(DebugEndpointFixtures.exposed()), "/debug/env");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.tags()).contains("container-escape", "stage:host", "stage:credentials");
        assertThat(f.evidence()).contains("\"PATH\"").contains("holds credentials").doesNotContain("Vq3t");
    }

    @Test
    void recognisesGitMetadataAndComposeFilesByTheirContent() throws IOException {
        List<Finding> findings = findingsOn(DebugEndpointFixtures.exposed());
        assertThat(at(findings, "/.git/config").evidence()).contains("[core]");
        assertThat(at(findings, "/docker-compose.yml").tags()).contains("stage:host");
    }

    @Test
    void asksForTheHeapDumpWithHeadOnlyAndNeverDownloadsIt() throws IOException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Finding f = at(findingsOn(DebugEndpointFixtures.exposed(log)), "/actuator/heapdump");
        assertThat(f.exchanges().getFirst().request().method()).isEqualTo("HEAD");
        assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
        assertThat(f.tags()).contains("stage:credentials");
        assertThat(log).contains("HEAD /actuator/heapdump").doesNotContain("GET /actuator/heapdump");
    }

    @Test
    void sendsOnlyGetAndHead() throws IOException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        findingsOn(DebugEndpointFixtures.exposed(log));
        assertThat(log).isNotEmpty().allMatch(line -> line.startsWith("GET ") || line.startsWith("HEAD ")
                || line.equals("OPTIONS /"), "GET or HEAD (OPTIONS / only from discovery)");
    }

    @Test
    void ignoresACatchAllThatAnswersEveryPathWithTheSamePage() throws IOException {
        assertThat(findingsOn(DebugEndpointFixtures.catchAllPage())).isEmpty();
    }

    @Test
    void probesUnderTheTargetsPathPrefixToo() {
        try (LoopbackHttpServer server = DebugEndpointFixtures.exposedUnderPrefix()) {
            List<Finding> findings = CheckHarness.findings(server.uri("/api/"), check());
            assertThat(findings).singleElement().satisfies(f ->
                    assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/_status/vars"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void probesUnderEveryBasePathTheScanLearnt() throws IOException {
        List<Finding> findings = findingsOn(dev.parapet.testkit.fixtures.DiscoveryFixtures.adminAndDebugUnderV2());
        assertThat(at(findings, "/api/v2/actuator/env").evidence()).contains("activeProfiles");
        assertThat(findingsOn(dev.parapet.testkit.fixtures.DiscoveryFixtures.apiV2WithoutAdminOrDebug())).isEmpty();
    }

    @Test
    void dataFileLoadsWithAContentSignatureForEveryEntry() {
        DebugEndpointList list = DebugEndpointList.load();
        assertThat(list.entries()).extracting(DebugEndpointList.Entry::path)
                .contains("_status/vars", "_admin/v1/databases", "debug/pprof/", "actuator/env", ".git/config",
                        "docker-compose.yml", ".env", "phpinfo.php", "console", "server-status", "metrics");
        assertThat(list.entries()).allSatisfy(e -> {
            assertThat(e.body().size() + e.headers().size()).as(e.id()).isPositive();
            assertThat(e.method()).isIn("GET", "HEAD");
        });
        assertThat(list.entries()).filteredOn(e -> e.path().equals("actuator/heapdump"))
                .singleElement().satisfies(e -> assertThat(e.method()).isEqualTo("HEAD"));
        assertThat(list.masked("postgres://shop:hunter2secret@db/x")).doesNotContain("hunter2");
    }

    @Test
    void requestsNoUnlinkedPathsInPassiveMode() throws InterruptedException {
        CheckOutcome outcome = check().run(PassiveContext.of(URI.create("http://127.0.0.1:9/"), List.of()));
        assertThat(outcome).isInstanceOf(CheckOutcome.NotApplicable.class);
    }
}
