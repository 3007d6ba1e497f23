package dev.parapet.report;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Remediation advice is CommonMark (checks write code in fences and backticks); this renders it for each kind of
 * output: HTML for the HTML and PDF reports, plain text for the terminal, the table, SARIF's help text and assistants
 * (MCP), so no reader sees raw fences or backticks. Raw HTML in the advice is escaped and link targets other than
 * http(s) and mailto are dropped, so a stored report cannot inject markup. Stateless and thread-safe (the
 * commonmark parser and renderers are).
 */
public final class RemediationText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak(" ").build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    private RemediationText() {
    }

    /** The advice as an HTML fragment (XHTML-compatible: void elements are self-closed, entities escaped). */
    public static String html(String markdown) {
        return HTML.render(parse(markdown)).strip();
    }

    /**
     * The advice as plain text: paragraphs and code blocks separated by a blank line, code without its fences or
     * backticks, links as their text followed by the URL in parentheses.
     */
    public static String plain(String markdown) {
        return PLAIN.render(parse(markdown)).strip();
    }

    /** {@link #plain} on one line (whitespace collapsed), for a table cell or a wrapped terminal paragraph. */
    public static String oneLine(String markdown) {
        return Text.oneLine(plain(markdown));
    }

    private static Node parse(String markdown) {
        return PARSER.parse(markdown == null ? "" : markdown);
    }
}
