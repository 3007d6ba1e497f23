package dev.parapet.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonObjectTextMatchesBracesOutsideStringsTest {

    @Test
    void endsAtTheMatchingBraceWhateverTheStringsHold() {
        String text = "var o = {\"a\": \"} ] {\", 'b': '\\' }', c: [1, {\"d\": \"\\\\\"}], /* } */ e: 1 // }\n}; tail }";
        int start = text.indexOf('{');
        assertThat(JsonObjectText.at(text, start, 10_000)).contains(text.substring(start, text.indexOf("; tail")));
    }

    @Test
    void givesNothingForUnclosedMismatchedTooDeepOrTooLongText() {
        assertThat(JsonObjectText.at("{\"a\": [1, 2}", 0, 100)).isEmpty();
        assertThat(JsonObjectText.at("{\"a\": \"never closed", 0, 100)).isEmpty();
        assertThat(JsonObjectText.at("[".repeat(JsonObjectText.MAX_DEPTH + 1) + "]".repeat(JsonObjectText.MAX_DEPTH + 1),
                0, 10_000)).isEmpty();
        assertThat(JsonObjectText.at("{\"a\": \"" + "x".repeat(200) + "\"}", 0, 100)).isEmpty();
        assertThat(JsonObjectText.at("x{}", 0, 100)).isEmpty();
    }

    @Test
    void scansAHostileMegabyteOnceAndStopsAtItsCap() {
        String hostile = "{" + "\"\\\\\",{[".repeat(200_000);
        long t0 = System.nanoTime();
        assertThat(JsonObjectText.at(hostile, 0, 1_000_000)).isEmpty();
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }
}
