package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.JwtFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtWeaknessesCheckTest extends CheckContractTest {

    private static List<Finding> weakFindings;
    private String userToken = "";

    @Override
    protected Check check() {
        return new JwtWeaknessesCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        userToken = JwtFixtures.weakUserToken();
        return JwtFixtures.weak();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        userToken = JwtFixtures.strongUserToken();
        return JwtFixtures.strong();
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(bearer(userToken));
    }

    private static Identities bearer(String token) {
        return new Identities(new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token))),
                Credentials.NONE);
    }

    @BeforeAll
    static void scanTheWeakFixtureOnce() throws IOException {
        try (LoopbackHttpServer server = JwtFixtures.weak()) {
            weakFindings = CheckHarness.scan(CheckHarness.config(server.uri())
                    .withIdentities(bearer(JwtFixtures.weakUserToken())), List.of(new JwtWeaknessesCheck())).findings();
        }
    }

    private static Finding titled(String fragment) {
        return weakFindings.stream().filter(f -> f.title().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding titled '" + fragment + "' in "
                        + weakFindings.stream().map(Finding::title).toList()));
    }

    @Test
    void replaysTheUsersOwnTokenUnsignedAndProvesItWasAcceptedAgainstAnAnonymousControl() {
        Finding f = titled("Unsigned JWT accepted");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.exchanges()).hasSize(3);
        assertThat(f.exchanges().get(0).status()).isEqualTo(200);
        assertThat(f.exchanges().get(2).status()).isEqualTo(401);
        assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/me");
    }

    @Test
    void cracksTheHmacSecretOfBothTheIssuedAndTheSuppliedTokenWithoutRevealingIt() {
        List<Finding> cracked = weakFindings.stream().filter(f -> f.title().contains("guessable HMAC secret")).toList();
        assertThat(cracked).hasSize(2);
        assertThat(cracked).allSatisfy(f -> assertThat(f.evidence()).contains("'secr****'")
                .doesNotContain(JwtFixtures.WEAK_SECRET));
    }

    @Test
    void anExpiredCopySignedWithTheCrackedSecretIsAcceptedBecauseTheApiIgnoresExp() {
        assertThat(titled("Expired JWT accepted").confidence()).isEqualTo(Confidence.FIRM);
    }

    @Test
    void flagsMissingExpiryAndReadableEmailAndRoleWithClaimsMaskedAndNoToken() {
        assertThat(titled("never expires").severity()).isEqualTo(Severity.MEDIUM);
        Finding claims = titled("sensitive claims");
        assertThat(claims.title()).contains("email (email)").contains("role (role)");
        assertThat(claims.evidence()).contains("\"email\":\"ann@****\"").contains("<signature masked>")
                .doesNotContain(JwtFixtures.weakUserToken()).doesNotContain("ann@example.test");
        assertThat(weakFindings).allSatisfy(f -> assertThat(f.evidence() + f.curl())
                .doesNotContain(JwtFixtures.weakUserToken().substring(JwtFixtures.weakUserToken().lastIndexOf('.'))));
    }

    @Test
    void issuedTokensAreAnalysedButNeverReplayed() throws IOException {
        try (LoopbackHttpServer server = JwtFixtures.weak()) {
            var report = CheckHarness.scan(server.uri(), new JwtWeaknessesCheck());
            assertThat(report.findings()).extracting(Finding::title)
                    .anyMatch(t -> t.contains("guessable HMAC secret")).noneMatch(t -> t.contains("accepted"));
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }

    @Test
    void everyDataFileLoadsAndItsPatternsCompile() {
        assertThat(HmacWordlist.load().secrets()).contains("secret", "random", "SuperSecret", "changeme",
                "your-256-bit-secret", "secretkey", "jwt_secret", "shhhhh", "keyboard cat", "myapp_secret",
                "Jwt2024", "my-api-secret-key").hasSizeGreaterThan(5_000).doesNotHaveDuplicates();
        assertThat(PrivilegeClaims.load().rules()).isNotEmpty();
        assertThat(SensitiveClaims.load().match("Password_Hash")).map(SensitiveClaims.Rule::level)
                .contains(Severity.HIGH);
        assertThat(SensitiveClaims.load().match("sub")).isEmpty();
    }
}
