package dev.parapet.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSON pointers (RFC 6901) for warnings, built from spec locations and from the parser's own messages. */
final class Pointers {

    /** The parser names places like {@code paths.'/pets'(get).responses.200}; this reads that form. */
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute ((?:'[^']*'|\\([a-z]+\\)|[^\\s'(])+)");
    private static final Pattern PART = Pattern.compile("'([^']*)'|\\(([a-z]+)\\)|([^.'(]+)");

    private Pointers() {
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String operation(String path, String method) {
        return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    }

    /** The pointer a parser message speaks of, or {@code ""} when it names no place. */
    static String fromMessage(String message) {
        Matcher m = ATTRIBUTE.matcher(message == null ? "" : message);
        if (!m.find()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher p = PART.matcher(m.group(1));
        while (p.find()) {
            String token = p.group(1) != null ? p.group(1) : p.group(2) != null ? p.group(2) : p.group(3);
            if (!token.isEmpty()) {
                out.append('/').append(escape(token));
            }
        }
        return out.toString();
    }
}
