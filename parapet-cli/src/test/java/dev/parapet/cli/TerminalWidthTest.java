package dev.parapet.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The width the summary is laid out at when the terminal cannot be asked: COLUMNS, kept within bounds. */
class TerminalWidthTest {

    @Test
    void readsColumnsAndIgnoresWhatIsNoPositiveNumber() {
        assertThat(Terminal.columns("160")).isEqualTo(160);
        assertThat(Terminal.columns(" 120 ")).isEqualTo(120);
        assertThat(Terminal.columns("wide")).isZero();
        assertThat(Terminal.columns("-5")).isZero();
        assertThat(Terminal.columns(null)).isZero();
    }

    @Test
    void keepsTheWidthBetweenTheNarrowestLayoutAndAReadableLineLength() {
        assertThat(Terminal.clamp(20)).isEqualTo(Terminal.MIN_WIDTH);
        assertThat(Terminal.clamp(160)).isEqualTo(160);
        assertThat(Terminal.clamp(500)).isEqualTo(Terminal.MAX_WIDTH);
    }

    @Test
    void withoutATerminalTheTestsSeeTheDefaultOrColumns() {
        String columns = System.getenv("COLUMNS");
        int expected = Terminal.columns(columns) > 0 ? Terminal.clamp(Terminal.columns(columns))
                : Terminal.DEFAULT_WIDTH;
        assertThat(Terminal.width()).isEqualTo(expected);
    }
}
