package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SecurityHeadersCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return HeadersFixtures.bare();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return HeadersFixtures.hardened();
    }

    private Map<String, Finding> byTitle(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check()).stream()
                    .collect(Collectors.toMap(Finding::title, Function.identity()));
        }
    }

    @Test
    void reportsEachMissingHeaderOnceListingTheAffectedEndpoints() throws IOException {
        Map<String, Finding> findings = byTitle(HeadersFixtures.bare());
        assertThat(findings).containsOnlyKeys(SecurityHeadersCheck.Defect.NOSNIFF_MISSING.title,
                SecurityHeadersCheck.Defect.SENSITIVE_CACHEABLE.title, SecurityHeadersCheck.Defect.FRAMING_ALLOWED.title);
        assertThat(findings.get(SecurityHeadersCheck.Defect.NOSNIFF_MISSING.title).evidence())
                .contains("/api/profile").contains("/api/products").doesNotContain("/help");
        assertThat(findings.get(SecurityHeadersCheck.Defect.FRAMING_ALLOWED.title).evidence()).contains("/help");
    }

    @Test
    void flagsCookieAndPersonalDataResponsesWithoutNoStoreAsMedium() throws IOException {
        Finding f = byTitle(HeadersFixtures.bare()).get(SecurityHeadersCheck.Defect.SENSITIVE_CACHEABLE.title);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.evidence()).startsWith("1 endpoint: /api/profile (sets a cookie");
        assertThat(f.evidence()).doesNotContain("/api/products");
    }

    @Test
    void acceptsPrivateRevalidatedCachingAndXFrameOptions() throws IOException {
        assertThat(byTitle(HeadersFixtures.privateRevalidated())).isEmpty();
    }

    @Test
    void acceptsOnlyCachePoliciesThatKeepSharedCachesOut() {
        assertThat(SecurityHeadersCheck.cacheSafe(Headers.of("Cache-Control", "no-store"))).isTrue();
        assertThat(SecurityHeadersCheck.cacheSafe(Headers.of("Cache-Control", "private, no-cache"))).isTrue();
        assertThat(SecurityHeadersCheck.cacheSafe(Headers.of("Cache-Control", "private, max-age=600"))).isFalse();
        assertThat(SecurityHeadersCheck.cacheSafe(Headers.of("Cache-Control", "public, max-age=60"))).isFalse();
        assertThat(SecurityHeadersCheck.cacheSafe(Headers.EMPTY)).isFalse();
    }

    @Test
    void findsPersonalFieldsButIgnoresPagingTokensAndEmptyValues() {
        SensitiveFields s = SensitiveFields.load();
        assertThat(s.in("{\"user\":{\"email_address\":\"a@b.c\",\"nextPageToken\":\"x\",\"phone\":\"\"}}"))
                .containsExactly("email_address");
        assertThat(s.in("[{\"id\":1,\"name\":\"mug\"}]")).isEmpty();
        assertThat(s.in("not json")).isEmpty();
        assertThat(s.fragments()).contains("email", "password", "token", "ssn", "address", "phone", "balance");
    }
}
