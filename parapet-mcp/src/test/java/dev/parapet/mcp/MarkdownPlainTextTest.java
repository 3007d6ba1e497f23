package dev.parapet.mcp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownPlainTextTest {

    @Test
    void dropsFencesBackticksAndEmphasisButKeepsTheCode() {
        String text = MarkdownPlainText.of("Use **parameterised** queries with `?` placeholders.\n\n```java\n"
                + "ps.setString(1, name);\n```\n\n- one\n- two\n");
        assertThat(text).doesNotContain("```").doesNotContain("**").doesNotContain("`")
                .contains("Use parameterised queries with \"?\" placeholders.").contains("ps.setString(1, name);")
                .contains("one").contains("two");
    }

    @Test
    void theFirstSentenceIsOneBoundedLine() {
        assertThat(MarkdownPlainText.firstSentence("Allow-list the *table* names. Then test.\n\nMore.", 160))
                .isEqualTo("Allow-list the table names.");
        assertThat(MarkdownPlainText.firstSentence("Remove the route (e.g. /debug) now. Then more.", 160))
                .isEqualTo("Remove the route (e.g. /debug) now.");
        assertThat(MarkdownPlainText.firstSentence("x".repeat(300), 20)).hasSize(20).endsWith("…");
        assertThat(MarkdownPlainText.firstSentence("", 20)).isEmpty();
    }
}
