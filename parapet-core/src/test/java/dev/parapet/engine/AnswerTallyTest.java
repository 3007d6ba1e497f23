package dev.parapet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTallyTest {

    @Test
    void countsABodyThatOpensAJsonValueAsJson() {
        assertThat(AnswerTally.startsLikeJson("{\"a\":1}")).isTrue();
        assertThat(AnswerTally.startsLikeJson("\n  [1, 2]")).isTrue();
        assertThat(AnswerTally.startsLikeJson("\uFEFF{\"bom\":true}")).isTrue();
        assertThat(AnswerTally.startsLikeJson("\"text\"")).isTrue();
        assertThat(AnswerTally.startsLikeJson("-12")).isTrue();
        assertThat(AnswerTally.startsLikeJson("null")).isTrue();
        assertThat(AnswerTally.startsLikeJson(")]}',\n{\"a\":1}")).isTrue();
        assertThat(AnswerTally.startsLikeJson("while(1);[1]")).isTrue();
    }

    @Test
    void refusesZerosBinaryHtmlAndEmptyBodiesLabelledJson() {
        assertThat(AnswerTally.startsLikeJson("\0\0\0\0")).isFalse();
        assertThat(AnswerTally.startsLikeJson("<html><body>error</body></html>")).isFalse();
        assertThat(AnswerTally.startsLikeJson("")).isFalse();
        assertThat(AnswerTally.startsLikeJson("   ")).isFalse();
        assertThat(AnswerTally.startsLikeJson(null)).isFalse();
    }
}
