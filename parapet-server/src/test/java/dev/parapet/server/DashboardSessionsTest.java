package dev.parapet.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardSessionsTest {

    private static final ApiKeys.Principal ACME = new ApiKeys.Principal("k1", "t1", "acme", Role.MEMBER);

    @Test
    void aSessionIsFoundByItsIdUntilItsLifetimeEnds() {
        AtomicLong now = new AtomicLong(1_000);
        DashboardSessions sessions = new DashboardSessions(now::get);
        DashboardSessions.Session s = sessions.open(ACME);
        assertThat(sessions.find(s.id())).contains(s);
        now.addAndGet(DashboardSessions.LIFETIME.toNanos() - 1);
        assertThat(sessions.find(s.id())).isPresent();
        now.addAndGet(2);
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void idsAndCsrfTokensAre256RandomBitsAndDifferPerSession() {
        DashboardSessions sessions = new DashboardSessions(System::nanoTime);
        DashboardSessions.Session a = sessions.open(ACME);
        DashboardSessions.Session b = sessions.open(ACME);
        assertThat(a.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
        assertThat(a.csrf()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.csrf());
    }

    @Test
    void aClosedSessionAndAnUnknownOrMalformedIdAreNotFound() {
        DashboardSessions sessions = new DashboardSessions(System::nanoTime);
        DashboardSessions.Session s = sessions.open(ACME);
        sessions.close(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("short")).isEmpty();
        assertThat(sessions.find(DashboardSessions.randomToken())).isEmpty();
    }

    @Test
    void aMissingTokenNeverMatches() {
        assertThat(DashboardSessions.sameToken("abc", null)).isFalse();
        assertThat(DashboardSessions.sameToken(null, "abc")).isFalse();
        assertThat(DashboardSessions.sameToken("abc", "abd")).isFalse();
        assertThat(DashboardSessions.sameToken("abc", "abc")).isTrue();
    }
}
