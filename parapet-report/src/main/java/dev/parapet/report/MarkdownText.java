package dev.parapet.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes text from the target for GitHub-flavoured Markdown, where a title could otherwise carry a link, an image
 * that the reader's browser fetches, raw HTML or a table break. Stateless.
 */
final class MarkdownText {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownText() {
    }

    /**
     * {@code s} on one line with every character Markdown would act on made literal: HTML's {@code & < >} become
     * entities, and {@code \ ` * [ ] | ~} and word-edge {@code _} get a backslash. An underscore inside a
     * word ({@code session_id}) is left alone: it cannot start emphasis there, and escaping it would hurt search.
     * Without brackets no link or image can form, so parentheses and {@code !} stay as they are.
     */
    static String escape(String s) {
        String text = Text.oneLine(s);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '[', ']', '|', '~' -> sb.append('\\').append(c);
                case '_' -> {
                    boolean inWord = i > 0 && i < text.length() - 1
                            && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1));
                    sb.append(inWord ? "_" : "\\_");
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * {@code s} for HTML inside Markdown (a {@code <summary>}), where backslash escapes are not interpreted. GitHub
     * leaves Markdown inside an HTML block alone, but brackets become entities too, so no renderer that does parse
     * it can make a link or image of them.
     */
    static String html(String s) {
        return Text.oneLine(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("[", "&#91;").replace("]", "&#93;");
    }

    /** A link when {@code url} is a plain http(s) URL, otherwise just the escaped label. */
    static String link(String label, String url) {
        if (url == null || !url.matches("https?://[^\\s()<>\"'`\\\\]+")) {
            return escape(label);
        }
        return "[" + escape(label) + "](" + url + ")";
    }

    /**
     * {@code text} as a fenced code block, fenced with more backticks than any run inside it so the text cannot close
     * the fence early. Ends with a newline.
     */
    static String codeBlock(String info, String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + info + "\n" + text.stripTrailing() + "\n" + fence + "\n";
    }

    /** {@code s} cut to {@code max} chars with a note of how much was left out. */
    static String cap(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n… (" + (s.length() - max) + " more chars)";
    }
}
