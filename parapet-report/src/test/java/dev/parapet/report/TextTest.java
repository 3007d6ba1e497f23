package dev.parapet.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void wrapsAtWordBoundariesAndBreaksWordsLongerThanTheWidth() {
        assertThat(Text.wrap("the quick brown fox jumps", 10)).containsExactly("the quick", "brown fox", "jumps");
        assertThat(Text.wrap("abcdefghijklmnopqrstuvwxyz end", 10))
                .containsExactly("abcdefghij", "klmnopqrst", "uvwxyz end");
        assertThat(Text.wrap("  ", 10)).containsExactly("");
    }

    @Test
    void cutsWrappedTextToAMaximumOfLinesWithAnEllipsis() {
        List<String> lines = Text.wrap("one two three four five six seven", 9, 2);
        assertThat(lines).containsExactly("one two", "three…");
        assertThat(Text.wrap("one two", 9, 2)).containsExactly("one two");
    }

    @Test
    void truncatesAndPadsCellsToTheirWidth() {
        assertThat(Text.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(Text.truncate("abc", 4)).isEqualTo("abc");
        assertThat(Text.cell("ab", 4)).isEqualTo("ab  ");
        assertThat(Text.cell("abcdef", 4)).isEqualTo("abc…");
    }

    @Test
    void keepsLineFeedsAndTabsButEscapesOtherControlCharacters() {
        assertThat(Text.printable("a\tb\nc")).isEqualTo("a\tb\nc");
        assertThat(Text.printable("\u001b[0m\r\u007f\u0085")).isEqualTo("\\x1b[0m\\x0d\\x7f\\x85");
        assertThat(Text.printable("abc\u202edef\u2066")).isEqualTo("abc\\u202edef\\u2066");
        assertThat(Text.printable("ünïcødé · ok")).isEqualTo("ünïcødé · ok");
    }

    @Test
    void joinsPartsStartingANewLineWhereTheNextWouldPassTheWidth() {
        assertThat(Text.joinWrapped(List.of("alpha", "beta", "gamma"), 14, 2)).isEqualTo("alpha · beta\n  gamma\n");
    }
}
