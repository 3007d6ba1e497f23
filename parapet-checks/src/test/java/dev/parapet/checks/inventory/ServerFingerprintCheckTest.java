package dev.parapet.checks.inventory;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.FingerprintFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerFingerprintCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new ServerFingerprintCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return FingerprintFixtures.versionedHeaders();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return FingerprintFixtures.silent();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    @Test
    void reportsEachVersionedProductOnceAsLow() throws IOException {
        List<Finding> findings = findingsOn(FingerprintFixtures.versionedHeaders());
        assertThat(findings).extracting(Finding::title)
                .containsExactlyInAnyOrder("Server discloses nginx 1.18.0", "Server discloses PHP 7.4.3");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.evidence()).contains("Server: nginx/1.18.0 (Ubuntu)"));
    }

    @Test
    void reportsProductWithoutVersionAsInfo() throws IOException {
        assertThat(findingsOn(FingerprintFixtures.productOnly())).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.title()).endsWith("Express");
            assertThat(f.remediation()).contains("x-powered-by");
        });
    }

    @Test
    void readsTheVersionFromTheErrorPageFooter() throws IOException {
        assertThat(findingsOn(FingerprintFixtures.errorPageFooter())).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Server discloses Apache httpd 2.4.49");
            assertThat(f.evidence()).contains("404 error page").contains("Server at 127.0.0.1");
        });
    }

    @Test
    void tellsTomcatConnectorFromApacheHttpd() {
        var e = dev.parapet.model.Exchange.answered(
                new dev.parapet.model.HttpRequestRecord("GET", java.net.URI.create("http://127.0.0.1/"), null, ""),
                new dev.parapet.model.HttpResponseRecord(200, dev.parapet.model.Headers.of("Server",
                        "Apache-Coyote/1.1", "X-Powered-By", "Servlet/3.1 JSP/2.3"), "", 0, false, ""),
                java.time.Duration.ZERO, 0);
        assertThat(ServerFingerprintCheck.sightings(e)).extracting(ServerFingerprintCheck.Sighting::product)
                .containsExactlyInAnyOrder("Apache Tomcat", "Servlet container");
    }

    @Test
    void signatureFileLoadsAndEveryPatternCompiles() {
        Signatures data = Signatures.load();
        assertThat(data.signatures()).hasSizeGreaterThan(20);
        for (Signatures.Signature s : data.signatures()) {
            assertThat(s.headerPattern()).isNotNull();
            s.bodyPattern().ifPresent(p -> assertThat(p.pattern()).contains("(?<version>"));
            assertThat(s.headers()).as(s.product()).isNotEmpty()
                    .allSatisfy(h -> assertThat(data.headers()).contains(h));
        }
    }
}
