package dev.parapet.checks.authentication;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.JwtAppFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays where a real app needs them: behind three public endpoints that answer the same with and without a
 * token, with the token in a cookie, nested claims, a Flask-style {@code 200 {"error":…}} refusal, and an RS256
 * app that publishes its key only at {@code /.well-known/jwks.json}.
 */
class JwtReplaysOnRealAppsTest {

    private static List<Finding> cookieFindings;

    @BeforeAll
    static void scanTheVulnerableCookieAppOnce() throws IOException {
        try (LoopbackHttpServer server = JwtAppFixtures.cookieApp(true)) {
            cookieFindings = scan(server, cookie(JwtAppFixtures.cookieToken(true))).findings();
        }
    }

    private static ScanReport scan(LoopbackHttpServer server, Identities ids) {
        return CheckHarness.scan(CheckHarness.config(server.uri()).withIdentities(ids), List.of(new JwtWeaknessesCheck()));
    }

    private static Identities cookie(String token) {
        return new Identities(new Credentials(List.of(new Headers.Field("Cookie", "theme=dark; session_token=" + token))),
                Credentials.NONE);
    }

    private static Identities bearer(String token) {
        return new Identities(new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token))),
                Credentials.NONE);
    }

    private static Finding titled(String fragment) {
        return cookieFindings.stream().filter(f -> f.title().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding titled '" + fragment + "' in "
                        + cookieFindings.stream().map(Finding::title).toList()));
    }

    @Test
    void findsTheUnsignedTokenAcceptedBehindPublicEndpointsAndAFlaskStyleRefusal() {
        Finding f = titled("Unsigned JWT accepted");
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/account");
        assertThat(f.evidence()).contains("sent in cookie session_token", "no token 200 with message 'missing Token in "
                + "header'");
    }

    @Test
    void replaysOnlyTheTokensOwnCookieAndNeverTheUsersOtherCredentials() {
        Finding f = titled("Unsigned JWT accepted");
        assertThat(f.exchanges().getFirst().request().caller().carriedCredentials()).isFalse();
        assertThat(f.exchanges().get(1).request().caller().carriedCredentials()).isTrue();
        HttpRequestRecord sent = new HttpRequestRecord("GET", URI.create("http://127.0.0.1:9/a"),
                Headers.of("Cookie", "theme=dark; session_token=abc.def.ghi; lang=en"), "");
        JwtCarrier carrier = JwtCarrier.in(sent, "abc.def.ghi").orElseThrow();
        assertThat(carrier.get(URI.create("http://127.0.0.1:9/a"), "forged").headers().first("Cookie"))
                .contains("session_token=forged");
        assertThat(carrier.describe()).isEqualTo("sent in cookie session_token");
    }

    @Test
    void readsClaimsNestedInsideObjects() {
        assertThat(titled("sensitive claims").title()).contains("user.email (email)", "user.role (role)");
    }

    @Test
    void cracksASecretTheOldListMissedAndForgesRaisedPrivilegesThatTakeEffect() {
        assertThat(titled("guessable HMAC secret").evidence()).contains("'Supe****'")
                .doesNotContain(JwtAppFixtures.COOKIE_SECRET);
        Finding forged = titled("JWT forged with the cracked secret and raised privileges accepted");
        assertThat(forged.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(forged.evidence()).contains("user.role → \"admin\"", "the raised claims took effect");
        assertThat(forged.exchanges().getFirst().body()).contains("\"users\"");
    }

    @Test
    void anExpiredCopySignedWithTheCrackedSecretIsAccepted() {
        assertThat(titled("Expired JWT accepted").confidence()).isEqualTo(Confidence.FIRM);
    }

    @Test
    void theSafeCookieAppGivesNothingAwayAndStaysWithinTheBudget() throws IOException {
        try (LoopbackHttpServer server = JwtAppFixtures.cookieApp(false)) {
            ScanReport report = scan(server, cookie(JwtAppFixtures.cookieToken(false)));
            assertThat(report.findings()).isEmpty();
            CheckRun run = CheckHarness.onlyRun(report);
            assertThat(run.requests()).isPositive().isLessThanOrEqualTo(new JwtWeaknessesCheck().descriptor()
                    .requestBudget());
            assertThat(run.refusedOverBudget()).isZero();
        }
    }

    @Test
    void findsAlgorithmConfusionWithTheKeyPublishedAtWellKnown() throws IOException {
        try (LoopbackHttpServer server = JwtAppFixtures.rsaApp(true)) {
            assertThat(scan(server, bearer(JwtAppFixtures.rsaToken())).findings()).singleElement().satisfies(f -> {
                assertThat(f.title()).isEqualTo("JWT algorithm confusion: HS256 signed with the public key accepted");
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.evidence()).contains("sent in header Authorization after 'Bearer'", "no token 401");
            });
        }
    }

    @Test
    void anRsaAppThatPinsItsAlgorithmIsQuiet() throws IOException {
        try (LoopbackHttpServer server = JwtAppFixtures.rsaApp(false)) {
            ScanReport report = scan(server, bearer(JwtAppFixtures.rsaToken()));
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).refusedOverBudget()).isZero();
        }
    }
}
