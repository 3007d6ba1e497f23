package dev.parapet.checks.inventory;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.InventoryFixtures;
import dev.parapet.testkit.fixtures.MethodsFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersioningMissingCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new ApiVersioningMissingCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return InventoryFixtures.unversionedApi();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return InventoryFixtures.versionedApi();
    }

    @Test
    void listsTheUnversionedEndpointsAndTheMissingVersionedTwin() throws IOException {
        try (LoopbackHttpServer server = InventoryFixtures.unversionedApi()) {
            Finding f = CheckHarness.findings(server.uri(), check()).getFirst();
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.evidence()).contains("4 JSON endpoints").contains("/api/patients")
                    .contains("versioned twin /v1/api/patients answered 404");
            assertThat(f.evidence()).hasSizeLessThanOrEqualTo(Evidence.MAX_CHARS);
        }
    }

    @Test
    void acceptsAVersionHeaderInsteadOfAVersionedPath() throws IOException {
        try (LoopbackHttpServer server = InventoryFixtures.versionHeaderApi()) {
            assertThat(CheckHarness.findings(server.uri(), check())).isEmpty();
        }
    }

    @Test
    void staysQuietWhenUnversionedRoutesAliasAVersionedOne() throws IOException {
        try (LoopbackHttpServer server = InventoryFixtures.unversionedAliasOfV1()) {
            assertThat(CheckHarness.findings(server.uri(), check())).isEmpty();
        }
    }

    @Test
    void judgesNothingWithTooFewEndpoints() throws IOException {
        try (LoopbackHttpServer server = MethodsFixtures.readOnly()) {
            ScanReport report = CheckHarness.scan(server.uri("/authors/1"), check());
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
    }

    @Test
    void recognisesDateAndMediaTypeVersions() {
        VersionSignals s = VersionSignals.load();
        assertThat(s.versionedUrl(URI.create("http://h/2024-01-01/charges"), s.segmentPattern())).isTrue();
        assertThat(s.versionedUrl(URI.create("http://h/api/V2/users"), s.segmentPattern())).isTrue();
        assertThat(s.versionedUrl(URI.create("http://h/users?api-version=2023-10"), s.segmentPattern())).isTrue();
        assertThat(s.versionedUrl(URI.create("http://h/api/users/42"), s.segmentPattern())).isFalse();
        assertThat(s.mediaTypePattern().matcher("application/vnd.shop.v2+json").find()).isTrue();
        assertThat(s.mediaTypePattern().matcher("application/json; charset=utf-8").find()).isFalse();
    }

    @Test
    void triesTheVersionedTwinInFrontOfAndAfterTheApiSegment() {
        assertThat(ApiVersioningMissingCheck.aliasesOf(URI.create("http://h:1/"), "/api/patients"))
                .containsExactly(URI.create("http://h:1/v1/api/patients"), URI.create("http://h:1/api/v1/patients"));
    }
}
