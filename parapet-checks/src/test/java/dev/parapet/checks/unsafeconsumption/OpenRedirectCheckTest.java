package dev.parapet.checks.unsafeconsumption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.UnsafeConsumptionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenRedirectCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new OpenRedirectCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return UnsafeConsumptionFixtures.vulnerable();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return UnsafeConsumptionFixtures.safe();
    }

    @Test
    void confirmsBothRedirectParametersWithTheOutsideLocation() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.vulnerable()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).extracting(Finding::parameter).containsExactlyInAnyOrder("next", "url");
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.evidence()).contains("Location: https://parapet-redirect.invalid/");
                assertThat(f.exchanges().getFirst().request().uri().getHost()).isEqualTo("127.0.0.1");
            });
        }
    }

    @Test
    void getsPastAFilterThatRefusesOnlyDoubleSlashesThroughABackslash() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.naiveRedirectFilter()) {
            assertThat(CheckHarness.findings(server.uri(), new OpenRedirectCheck())).singleElement()
                    .satisfies(f -> {
                        assertThat(f.parameter()).isEqualTo("to");
                        assertThat(f.evidence()).contains("to=/\\parapet-redirect.invalid/");
                    });
        }
    }

    @Test
    void getsPastEachNaiveFilterWithTheSpellingItLetsThrough() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.bypassableRedirects()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).extracting(Finding::parameter)
                    .containsExactlyInAnyOrder("returnTo", "continue", "next", "to");
            assertThat(byParameter(findings, "returnTo").evidence()).contains("spelling: protocol-relative");
            assertThat(byParameter(findings, "continue").evidence()).contains("spelling: trusted-user-info")
                    .contains("a browser goes to parapet-redirect.invalid");
            assertThat(byParameter(findings, "next")).satisfies(f -> {
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/v2/account/farewell");
                assertThat(f.title()).contains("(meta refresh)");
                assertThat(f.evidence()).contains("spelling: scheme-without-slashes");
            });
            assertThat(byParameter(findings, "to")).satisfies(f -> {
                assertThat(f.title()).contains("(script location)");
                assertThat(f.evidence()).contains("spelling: slash-backslash");
            });
            assertThat(findings).allSatisfy(f -> assertThat(f.tags()).contains("filter-bypass"));
        }
    }

    @Test
    void staysQuietOnAnAllowListThatParsesLikeABrowserAndOnRefusalsThatNameTheTarget() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.allowListedRedirects()) {
            var report = CheckHarness.scan(CheckHarness.config(server.uri()), List.of(check()));
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).requests()).as("every spelling was tried")
                    .isGreaterThanOrEqualTo(5 * OpenRedirectCheck.RULES.get().spellings().size());
        }
    }

    @Test
    void dataFileSpellingsFitTheBudgetAndAllPointAtTheOutsideHost() {
        var rules = OpenRedirectCheck.RULES.get();
        assertThat(rules.spellings()).hasSizeLessThanOrEqualTo(OpenRedirectCheck.MAX_SPELLINGS);
        assertThat(rules.spellings()).extracting(OpenRedirectCheck.Spelling::id).doesNotHaveDuplicates()
                .startsWith("absolute");
        assertThat(rules.spellings()).allSatisfy(s -> assertThat(s.value()).contains("{evil}"));
        assertThat(rules.parameters()).contains("to", "next", "continue", "returnTo", "redirect_uri", "goto", "dest");
    }

    private static Finding byParameter(List<Finding> findings, String parameter) {
        return findings.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + parameter + " in " + findings));
    }

    @Test
    void replacesOnlyTheNamedParameterAndKeepsTheOthers() {
        URI uri = URI.create("http://h/login?lang=en&next=%2Fhome");
        assertThat(QueryParameters.with(uri, "next", "https://x.invalid/"))
                .hasToString("http://h/login?lang=en&next=https%3A%2F%2Fx.invalid%2F");
        assertThat(QueryParameters.names(uri)).containsExactly("lang", "next");
    }

    @Test
    void sendsNoCraftedRedirectTargetsInPassiveMode() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.vulnerable()) {
            var report = PassiveScans.scan(server.uri(), check());
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }
}
