package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.XPathInjectionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XPathInjectionCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new XPathInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return XPathInjectionFixtures.concatenatedExpressions();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return XPathInjectionFixtures.boundVariables();
    }

    private static Finding on(List<Finding> findings, String parameter) {
        return findings.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + parameter + " in " + findings));
    }

    @Test
    void flagsEachConcatenatedExpressionInEitherQuotingAndBlindToo() throws IOException {
        try (LoopbackHttpServer server = XPathInjectionFixtures.concatenatedExpressions()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).extracting(Finding::parameter).containsExactlyInAnyOrder("name", "login", "nick");
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            });
            assertThat(on(findings, "name").title()).contains("Java javax.xml.xpath").contains("single-quoted");
            assertThat(on(findings, "login")).satisfies(f -> {
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/v2/accounts");
                assertThat(f.title()).contains("Python lxml").contains("double-quoted");
            });
            assertThat(on(findings, "nick").title()).doesNotContain("error");
        }
    }

    @Test
    void recognisesTheErrorsOfEachEngine() {
        StackErrorTexts texts = XPathInjectionCheck.TEXTS.get();
        assertThat(texts.freshIn("System.Xml.XPath.XPathException: '//user[name='x'']' has an invalid token.",
                List.of())).map(StackErrorTexts.Match::stack).contains(".NET System.Xml");
        assertThat(texts.freshIn("Warning: DOMXPath::query(): Invalid expression in /var/www/x.php", List.of()))
                .map(StackErrorTexts.Match::stack).contains("PHP DOMXPath");
        assertThat(texts.freshIn("XPath error : Invalid predicate", List.of())).map(StackErrorTexts.Match::stack)
                .contains("libxml2");
        assertThat(texts.freshIn("{\"error\":\"user not found\"}", List.of())).isEmpty();
    }
}
