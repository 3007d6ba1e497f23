package dev.parapet.checks.bfla;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdminRouteExposureCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new AdminRouteExposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AccessControlFixtures.shop(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AccessControlFixtures.shop(false);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(TwoIdentities.aliceAndBob());
    }

    @Test
    void flagsTheAdminListServedToTheLowerIdentityWithBothRequests() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = single(scan(server).findings());
            assertThat(f.title()).isEqualTo("Administrative route GET /api/admin/users serves data to a non-admin identity");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.exchanges()).extracting(e -> e.status()).containsExactly(200, 401);
            assertThat(f.exchanges().getFirst().request().headers().first("Authorization")).contains("Bearer [redacted]");
            assertThat(f.exchanges().get(1).request().headers().has("Authorization")).isFalse();
            assertThat(f.evidence()).contains("identity B (secondary)", "anonymous -> 401 (curl -i -s '"
                    + server.uri().resolve("/api/admin/users") + "')");
        }
    }

    @Test
    void flagsOnlyTheRealAdminRouteBehindACatchAllAnonymously() throws IOException {
        try (LoopbackHttpServer server = AccessControlFixtures.openAdminBehindCatchAll()) {
            Finding f = single(CheckHarness.findings(server.uri(), check()));
            assertThat(f.endpoint().uri().getPath()).isEqualTo("/admin/users");
            assertThat(f.title()).endsWith("serves data to anonymous requests");
            assertThat(f.confidence()).as("the accounts and their roles were read back").isEqualTo(Confidence.CONFIRMED);
        }
    }

    @Test
    void flagsAnAdminRouteThatExistsOnlyUnderALearntVersionPrefix() throws IOException {
        try (LoopbackHttpServer server = dev.parapet.testkit.fixtures.DiscoveryFixtures.adminAndDebugUnderV2()) {
            assertThat(CheckHarness.findings(server.uri(), check())).singleElement().satisfies(f -> {
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/v2/admin/users");
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            });
        }
        try (LoopbackHttpServer twin = dev.parapet.testkit.fixtures.DiscoveryFixtures.apiV2WithoutAdminOrDebug()) {
            assertThat(CheckHarness.findings(twin.uri(), check())).isEmpty();
        }
    }

    @Test
    void confirmsOnlyWhenTheAnswerListsAccountsWithTheirPrivileges() {
        assertThat(AdminRouteExposureCheck.confidence(answer("[{\"id\":1,\"role\":\"admin\"},"
                + "{\"id\":2,\"role\":\"user\"}]"))).isEqualTo(Confidence.CONFIRMED);
        assertThat(AdminRouteExposureCheck.confidence(answer("{\"uptime\":86400,\"queue\":4}")))
                .isEqualTo(Confidence.FIRM);
        assertThat(AdminRouteExposureCheck.confidence(answer("[{\"id\":1,\"role\":\"admin\"}]")))
                .as("one account is not a list of them").isEqualTo(Confidence.FIRM);
    }

    private static dev.parapet.model.Exchange answer(String json) {
        return dev.parapet.model.Exchange.answered(new dev.parapet.model.HttpRequestRecord("GET",
                URI.create("http://127.0.0.1:1/admin/x"), dev.parapet.model.Headers.EMPTY, ""),
                new dev.parapet.model.HttpResponseRecord(200, dev.parapet.model.Headers.of("Content-Type",
                        "application/json"), json, json.length(), false, ""), java.time.Duration.ZERO, 0);
    }

    @Test
    void treatsSpecTagsAndOperationIdsAsAdministrative() {
        AdminRoutes routes = AdminRoutes.load();
        assertThat(routes.administrative(op("/reports", "listReports", List.of("Admin")))).isTrue();
        assertThat(routes.administrative(op("/users", "adminListUsers", List.of()))).isTrue();
        assertThat(routes.administrative(op("/users", "listAllUsers", List.of()))).isTrue();
        assertThat(routes.administrative(op("/internal/stats", "stats", List.of()))).isTrue();
        assertThat(routes.administrative(op("/orders", "listOrders", List.of("orders")))).isFalse();
        assertThat(routes.administrative(op("/administrators-guide", "guide", List.of()))).isFalse();
    }

    private static ApiOperation op(String path, String id, List<String> tags) {
        return new ApiOperation("GET", path, id, false, List.of(), true, Set.of(), Set.of(), tags, Optional.empty());
    }

    private static Finding single(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }
}
