package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.support.InputPoints;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.ValueShape;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.LdapInjectionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LdapInjectionCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new LdapInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return LdapInjectionFixtures.concatenatedFilters();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return LdapInjectionFixtures.escapedFilters();
    }

    private static Finding on(List<Finding> findings, String parameter) {
        return findings.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + parameter + " in " + findings));
    }

    @Test
    void flagsEachConcatenatedFilterByItsErrorOrItsResultCounts() throws IOException {
        try (LoopbackHttpServer server = LdapInjectionFixtures.concatenatedFilters()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).extracting(Finding::parameter).containsExactlyInAnyOrder("name", "q", "uid");
            assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
            assertThat(on(findings, "name").evidence()).contains("InvalidSearchFilterException")
                    .contains("without it");
            assertThat(on(findings, "name").title()).contains("Spring LDAP");
            assertThat(on(findings, "q")).satisfies(f -> {
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/v2/people/search");
                assertThat(f.title()).contains("PHP ldap");
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            });
            assertThat(on(findings, "uid")).satisfies(f -> {
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.title()).doesNotContain("filter error");
                assertThat(f.evidence()).contains("answered like the wildcard");
            });
        }
    }

    @Test
    void testsTextAndNamesButNotNumbersUrlsOrBooleans() {
        LdapInjectionCheck check = new LdapInjectionCheck();
        assertThat(check.appliesTo(InputPoints.query("uid", "carol", ValueShape.USERNAME))).isTrue();
        assertThat(check.appliesTo(InputPoints.query("q", "bob", ValueShape.FREE_TEXT))).isTrue();
        assertThat(check.appliesTo(InputPoints.query("page", "2", ValueShape.NUMERIC))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("next", "/home", ValueShape.REDIRECT))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("active", "true", ValueShape.BOOLEAN))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("name", "Alice", ValueShape.FILE, ValueShape.FREE_TEXT))).isTrue();
        assertThat(check.appliesTo(InputPoints.query("file", "a.txt", ValueShape.FILE))).isFalse();
    }

    @Test
    void recognisesTheFilterErrorsOfEachStackAndNotAnOrdinaryRefusal() {
        StackErrorTexts texts = LdapInjectionCheck.TEXTS.get();
        assertThat(texts.freshIn("javax.naming.directory.InvalidSearchFilterException: Unbalanced parenthesis",
                List.of())).map(StackErrorTexts.Match::stack).contains("Java JNDI");
        assertThat(texts.freshIn("{\"error\":\"ldap_search(): Search: Bad search filter\"}", List.of()))
                .map(StackErrorTexts.Match::stack).contains("PHP ldap");
        assertThat(texts.freshIn("ldap3.core.exceptions.LDAPInvalidFilterError: malformed filter", List.of()))
                .map(StackErrorTexts.Match::stack).contains("Python ldap3");
        assertThat(texts.freshIn("System.ArgumentException: The (&(uid=x)(|(uid=*)) search filter is invalid.",
                List.of())).map(StackErrorTexts.Match::stack).contains(".NET System.DirectoryServices");
        assertThat(texts.freshIn("LDAP Result Code 201 \"Filter Compile Error\": ldap: finished compiling filter",
                List.of())).isPresent();
        assertThat(texts.freshIn("{\"error\":\"invalid characters in search\"}", List.of())).isEmpty();
        assertThat(texts.freshIn("Bad search filter", List.of("see: Bad search filter"))).isEmpty();
    }
}
