package dev.parapet.server;

/**
 * A small HTML builder for the dashboard's pages: {@link #text} escapes everything it is given (element content and
 * attribute values alike), {@link #raw} appends markup the dashboard wrote itself. Not thread-safe; one per page.
 */
final class Html {

    private final StringBuilder sb = new StringBuilder(4096);

    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    Html text(Object value) {
        sb.append(escape(String.valueOf(value)));
        return this;
    }

    /** {@code <tag>escaped text</tag>}. */
    Html el(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
