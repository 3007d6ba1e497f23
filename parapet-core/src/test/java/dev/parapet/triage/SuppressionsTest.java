package dev.parapet.triage;

import dev.parapet.config.ConfigException;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionsTest {

    @Test
    void readsFingerprintAndCheckEntries() {
        Suppressions s = Suppressions.parse("""
                suppressions:
                  - fingerprint: abc123
                    reason: accepted
                    expires: 2027-03-31
                  - check: server-fingerprint
                    path: /api/**
                    reason: banner is public
                    expires: 2027-01-15
                """, "s.yaml");
        assertThat(s.entries()).hasSize(2);
        assertThat(s.entries().get(0).fingerprint()).isEqualTo("abc123");
        assertThat(s.entries().get(1).path()).isEqualTo("/api/**");
        assertThat(s.entries().get(1).expires()).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void pathGlobStarStaysInOneSegmentAndDoubleStarCrossesThem() {
        Suppression one = new Suppression("", "x", "/api/*", "r", LocalDate.MAX);
        Suppression any = new Suppression("", "x", "/api/**", "r", LocalDate.MAX);
        Finding shallow = TriageFixtures.finding("x", Severity.LOW, "/api/items");
        Finding deep = TriageFixtures.finding("x", Severity.LOW, "/api/items/7");
        Finding otherCheck = TriageFixtures.finding("y", Severity.LOW, "/api/items");
        assertThat(one.matches(shallow)).isTrue();
        assertThat(one.matches(deep)).isFalse();
        assertThat(any.matches(deep)).isTrue();
        assertThat(any.matches(otherCheck)).isFalse();
    }

    @Test
    void appliesThroughItsExpiryDateAndNotAfter() {
        Suppression s = new Suppression("", "x", "", "r", LocalDate.of(2027, 1, 15));
        assertThat(s.expiredOn(LocalDate.of(2027, 1, 15))).isFalse();
        assertThat(s.expiredOn(LocalDate.of(2027, 1, 16))).isTrue();
    }

    @Test
    void entryWithoutReasonIsRefused() {
        assertThatThrownBy(() -> Suppressions.parse("suppressions:\n  - check: x\n    expires: 2027-01-01\n", "s.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("suppression 1 needs a reason");
    }

    @Test
    void entryWithoutExpiryIsRefused() {
        assertThatThrownBy(() -> Suppressions.parse("suppressions:\n  - check: x\n    reason: r\n", "s.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expires");
    }

    @Test
    void entryNamingBothFingerprintAndCheckIsRefused() {
        assertThatThrownBy(() -> Suppressions.parse(
                "suppressions:\n  - check: x\n    fingerprint: f\n    reason: r\n    expires: 2027-01-01\n", "s.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("either a fingerprint or a check");
    }

    @Test
    void unknownKeyIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> Suppressions.parse(
                "suppressions:\n  - checks: x\n    reason: r\n    expires: 2027-01-01\n", "s.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'checks'")
                .hasMessageContaining("valid: fingerprint, check");
    }

    @Test
    void badDateSaysTheExpectedForm() {
        assertThatThrownBy(() -> Suppressions.parse(
                "suppressions:\n  - check: x\n    reason: r\n    expires: next year\n", "s.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("2027-03-31");
    }
}
