package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.XxeFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XmlExternalEntityCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new XmlExternalEntityCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return XxeFixtures.defaultParser();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return XxeFixtures.hardenedParser();
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return ActiveScans.config(target, Identities.NONE, false);
    }

    @Test
    void confirmsAParserThatPastesALocalFileIntoTheAnswer() throws IOException {
        try (LoopbackHttpServer server = XxeFixtures.defaultParser()) {
            List<Finding> findings = CheckHarness.scan(configFor(server.uri()), List.of(check())).findings();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.title()).contains("/etc/passwd").contains("/api/v2/invoices/lookup");
                assertThat(f.evidence()).contains("file:///etc/passwd").contains("internal entities expanded");
                assertThat(f.exchanges().getFirst().request().body()).contains("<!ENTITY ppf SYSTEM \"file:///etc/passwd\">")
                        .doesNotContain("http://");
            });
        }
    }

    @Test
    void sendsNothingOutsideActiveMode() throws IOException {
        try (LoopbackHttpServer server = XxeFixtures.defaultParser()) {
            var report = CheckHarness.scan(CheckHarness.config(server.uri()), List.of(check()));
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
    }

    @Test
    void placesEntitiesInTheExamplesFirstTextNodeAndNamesOnlyLocalFiles() {
        XmlEntityDocuments docs = XmlEntityDocuments.of("<?xml version=\"1.0\"?><lookup><number>INV-1</number></lookup>")
                .orElseThrow();
        assertThat(docs.internal("parapet-a", "b")).contains("<!DOCTYPE lookup [<!ENTITY ppa \"parapet-a\">")
                .endsWith("<lookup><number>&ppa;&ppb;</number></lookup>").doesNotContain("parapet-ab");
        assertThat(docs.external("file:///etc/passwd")).contains("SYSTEM \"file:///etc/passwd\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> docs.external("http://x.example/a.dtd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(XmlEntityDocuments.of("{\"number\":1}")).isEmpty();
        assertThat(XmlEntityDocuments.of("<a><b/></a>")).isEmpty();
    }
}
