package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.CorsFixtures;
import org.junit.jupiter.api.Test;

import dev.parapet.spi.CheckOutcome;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorsMisconfigurationCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new CorsMisconfigurationCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return CorsFixtures.reflectingWithCredentials();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return CorsFixtures.allowListed();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    @Test
    void reportsReflectedOriginWithCredentialsAsConfirmedHigh() throws IOException {
        List<Finding> findings = findingsOn(CorsFixtures.reflectingWithCredentials());
        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.title()).contains("reflects any origin").contains("credentials");
        assertThat(f.evidence()).contains(CorsMisconfigurationCheck.PROBE_ORIGIN).contains("also on /api/");
        assertThat(f.evidence()).hasSizeLessThanOrEqualTo(Evidence.MAX_CHARS);
        assertThat(f.exchanges().getFirst().request().headers().first("Origin"))
                .contains(CorsMisconfigurationCheck.PROBE_ORIGIN);
    }

    @Test
    void reportsNullOriginWithCredentialsAsHighEvenWhenOtherOriginsAreAllowListed() throws IOException {
        List<Finding> findings = findingsOn(CorsFixtures.nullOriginWithCredentials());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.title()).contains("'null' origin");
        });
    }

    @Test
    void reportsReflectionWithoutCredentialsAsLow() throws IOException {
        assertThat(findingsOn(CorsFixtures.reflectingWithoutCredentials())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void reportsWildcardWithCredentialsAsMedium() throws IOException {
        assertThat(findingsOn(CorsFixtures.wildcardWithCredentials())).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
        });
    }

    @Test
    void staysQuietOnAPublicWildcardWithoutCredentials() throws IOException {
        assertThat(findingsOn(CorsFixtures.publicWildcard())).isEmpty();
    }

    @Test
    void ignoresAnAllowListedOriginThatDiffersFromTheProbe() {
        Headers fixed = Headers.of("Access-Control-Allow-Origin", CorsFixtures.TRUSTED_ORIGIN,
                "Access-Control-Allow-Credentials", "true");
        assertThat(CorsMisconfigurationCheck.judge(CorsMisconfigurationCheck.PROBE_ORIGIN, fixed)).isEmpty();
        assertThat(CorsMisconfigurationCheck.judge("null", fixed)).isEmpty();
    }

    @Test
    void sendsNoCraftedOriginInPassiveMode() throws InterruptedException {
        CheckOutcome outcome = check().run(PassiveContext.of(URI.create("http://127.0.0.1:9/"), List.of()));
        assertThat(outcome).isInstanceOf(CheckOutcome.NotApplicable.class);
    }
}

