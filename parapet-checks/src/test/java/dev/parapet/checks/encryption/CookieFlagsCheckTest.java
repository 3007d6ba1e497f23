package dev.parapet.checks.encryption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.EncryptionFixtures;
import dev.parapet.testkit.fixtures.TlsFixtures;
import dev.parapet.testkit.fixtures.TlsFront;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CookieFlagsCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new CookieFlagsCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return EncryptionFixtures.sessionCookieWithoutFlags();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return EncryptionFixtures.sessionCookieWithAllFlags();
    }

    @Test
    void listsEveryMissingFlagOfTheSessionCookieInOneFinding() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).hasSize(1);
            Finding f = findings.getFirst();
            assertThat(f.parameter()).isEqualTo("sid");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.title()).contains("HttpOnly").contains("Secure").contains("SameSite");
            assertThat(f.evidence()).contains("sid=4f9a****").doesNotContain("4f9a1c2e8b7d");
        }
    }

    @Test
    void judgesSecureOnEveryCookieOfAnHttpsTarget() throws IOException {
        try (TlsFront front = TlsFixtures.front(EncryptionFixtures.sessionCookieWithoutFlags(), TlsFixtures.MODERN)) {
            List<Finding> findings = CheckHarness.scan(HttpsTargets.insecure(front.uri()), List.of(check()))
                    .findings();
            assertThat(findings).extracting(Finding::parameter).containsExactlyInAnyOrder("sid", "theme");
            Finding theme = findings.stream().filter(f -> f.parameter().equals("theme")).findFirst().orElseThrow();
            assertThat(theme.title()).isEqualTo("Cookie 'theme' set without Secure");
            assertThat(theme.severity()).isEqualTo(Severity.LOW);
            Finding sid = findings.stream().filter(f -> f.parameter().equals("sid")).findFirst().orElseThrow();
            assertThat(sid.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(sid.evidence()).doesNotContain("target is plain HTTP");
        }
    }

    @Test
    void ignoresFlagsOfCookiesThatCarryNoSession() {
        SetCookie theme = SetCookie.parse("theme=light; Path=/").orElseThrow();
        assertThat(CookieFlagsCheck.SESSION.get().byName(theme.name())).isFalse();
        assertThat(CookieFlagsCheck.SESSION.get().byValue(theme.value())).isFalse();
    }

    @Test
    void recognisesCommonSessionCookieNamesAndTokenValues() {
        for (String name : List.of("connect.sid", "JSESSIONID", "PHPSESSID", "session", "auth_token", "jwt",
                "koa.sess", "__Host-session", "refresh_token")) {
            assertThat(CookieFlagsCheck.SESSION.get().byName(name)).as(name).isTrue();
        }
        assertThat(CookieFlagsCheck.SESSION.get().byValue("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl"))
                .isTrue();
        assertThat(CookieFlagsCheck.SESSION.get().byName("_ga")).isFalse();
    }

    @Test
    void parsesFlagsCaseInsensitivelyAndTreatsSameSiteNoneAsUnprotected() {
        SetCookie c = SetCookie.parse("SID=abc; path=/; httponly; SECURE; samesite=None").orElseThrow();
        assertThat(c.httpOnly()).isTrue();
        assertThat(c.secure()).isTrue();
        assertThat(c.sameSite()).contains("None");
        assertThat(c.hasProtectiveSameSite()).isFalse();
        assertThat(SetCookie.parse("sid=; Max-Age=0").orElseThrow().isDeletion()).isTrue();
    }
}
