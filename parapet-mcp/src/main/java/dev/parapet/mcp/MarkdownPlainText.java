package dev.parapet.mcp;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Remediation and other guidance is written in Markdown; an assistant shows tool answers as plain text, where
 * fences, backticks and emphasis markers are noise. Renders CommonMark to plain text: paragraphs separated by a
 * blank line, list items kept as lines, inline code in double quotes, code blocks verbatim without their fence.
 * Thread-safe (the parser and renderer
 * are immutable).
 */
final class MarkdownPlainText {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer RENDERER = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    private MarkdownPlainText() {
    }

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown)).strip();
    }

    /** The index of the full stop that ends the first sentence, or -1; "e.g." and "i.e." end none. */
    private static int sentenceEnd(String line) {
        for (int i = line.indexOf(". "); i > 0; i = line.indexOf(". ", i + 1)) {
            String before = line.substring(Math.max(0, i - 3), i + 1).toLowerCase(java.util.Locale.ROOT);
            if (!before.endsWith("e.g.") && !before.endsWith("i.e.") && !before.endsWith("etc.")
                    && !before.endsWith("vs.")) {
                return i;
            }
        }
        return -1;
    }

    /** The first sentence (or line) of {@code markdown} as plain text, cut to {@code max} characters. */
    static String firstSentence(String markdown, int max) {
        String text = of(markdown);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        int stop = sentenceEnd(line);
        if (stop > 0) {
            line = line.substring(0, stop + 1);
        }
        return line.length() <= max ? line : line.substring(0, max - 1).stripTrailing() + "…";
    }
}
