package dev.parapet.checks.combined;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Category;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import dev.parapet.testkit.fixtures.CombinedFixtures;
import dev.parapet.testkit.fixtures.LlmFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered check at once against {@link CombinedFixtures}: the vulnerable server must get every category
 * assessed with a confirmed finding, its remediated twin nothing above low. One scan of each, shared by the tests.
 */
class CombinedFixtureScanTest {


    private static ScanReport vulnerable;
    private static ScanReport safe;

    @BeforeAll
    static void scanBothTwins() throws Exception {
        try (LoopbackHttpServer server = CombinedFixtures.vulnerable()) {
            // as two of its customers, so object-level authorization can be proven across identities
            vulnerable = CheckHarness.scan(CheckHarness.config(server.uri()).withIdentities(new Identities(
                    bearer(AccessControlFixtures.ALICE_TOKEN), bearer(AccessControlFixtures.BOB_TOKEN))), allChecks());
        }
        try (LoopbackHttpServer server = CombinedFixtures.safe()) {
            // as its owner scans it: with the token its assistant demands, so the prompts reach the hardened model
            safe = CheckHarness.scan(CheckHarness.config(server.uri()).withIdentities(new Identities(new Credentials(
                    List.of(new Headers.Field("Authorization", "Bearer " + LlmFixtures.TOKEN))), Credentials.NONE)),
                    allChecks());
        }
    }

    private static Credentials bearer(String token) {
        return new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token)));
    }

    static List<Check> allChecks() {
        List<Check> checks = new ArrayList<>();
        ServiceLoader.load(Check.class).forEach(checks::add);
        return checks;
    }

    @Test
    void everyCheckRunsToItsEndOnBothTwins() {
        for (ScanReport report : List.of(vulnerable, safe)) {
            assertThat(report.complete()).as(report.incompleteReason()).isTrue();
            assertThat(report.checks()).allSatisfy(run -> assertThat(run.status()).as(run.checkId() + ": "
                    + run.reason()).isIn(CheckStatus.COMPLETED, CheckStatus.NOT_APPLICABLE));
        }
    }

    @Test
    void assessesEveryCategoryOfTheVulnerableServerWithAConfirmedFinding() {
        for (Category c : Category.values()) {
            CategoryScore score = vulnerable.score().categories().stream().filter(s -> s.category() == c)
                    .findFirst().orElseThrow();
            assertThat(score.assessed()).as("%s assessed (%s)", c.id(), score.reason()).isTrue();
            Confidence wanted = Confidence.CONFIRMED;
            assertThat(vulnerable.findings()).as("a %s finding of %s; found %s", wanted, c.id(), summary(vulnerable))
                    .anyMatch(f -> f.category() == c && f.confidence().compareTo(wanted) >= 0);
        }
    }

    @Test
    void findsNothingAboveLowOnTheSafeTwin() {
        assertThat(safe.findings()).as(summary(safe)).allMatch(f -> !f.severity().atLeast(Severity.MEDIUM));
    }

    @Test
    void assessesTheSafeTwinToo() {
        Set<Category> assessedOnSafe = safe.score().categories().stream().filter(CategoryScore::assessed)
                .map(CategoryScore::category).collect(Collectors.toSet());
        assertThat(assessedOnSafe).contains(Category.BFLA, Category.INPUT_VALIDATION, Category.DATA_EXPOSURE,
                Category.AUTHENTICATION, Category.ENCRYPTION, Category.INVENTORY, Category.RATE_LIMITING,
                Category.UNSAFE_CONSUMPTION, Category.LLM_SECURITY);
        assertThat(safe.checks()).filteredOn(run -> run.checkId().equals("llm-prompt-injection"))
                .singleElement().satisfies(run -> {
                    assertThat(run.status()).isEqualTo(CheckStatus.COMPLETED);
                    assertThat(run.requests()).as("prompts reached the hardened assistant").isGreaterThan(1);
                });
    }

    private static String summary(ScanReport report) {
        return report.findings().stream().map(f -> f.category().id() + " " + f.severity().id() + "/"
                        + f.confidence().id() + " " + f.checkId() + ": " + f.title())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
