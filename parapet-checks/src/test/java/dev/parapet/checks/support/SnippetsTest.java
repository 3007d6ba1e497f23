package dev.parapet.checks.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

    @Test
    void cutsAroundAMatchOnOneLineWithoutSplittingTokens() {
        String text = "alpha beta\ngamma TARGET delta epsilonzeta";
        int at = text.indexOf("TARGET");
        String s = Snippets.around(text, at, at + 6, 8);
        assertThat(s).isEqualTo("… gamma TARGET delta …");
    }

    @Test
    void masksKeepingAtMostHalfOfTheSecret() {
        assertThat(Snippets.mask("sk_live_abcdefghijklmnop", 8)).isEqualTo("sk_live_****");
        assertThat(Snippets.mask("abcd", 4)).isEqualTo("ab****");
        assertThat(Snippets.mask("secret", 0)).isEqualTo("****");
    }

    @Test
    void keepsEvidenceWithinTheLimit() {
        assertThat(Snippets.oneLine("x".repeat(1000), Snippets.MAX_EVIDENCE)).hasSize(Snippets.MAX_EVIDENCE);
        assertThat(Snippets.oneLine("a\\nb\t  c", 50)).isEqualTo("a b c");
    }
}
