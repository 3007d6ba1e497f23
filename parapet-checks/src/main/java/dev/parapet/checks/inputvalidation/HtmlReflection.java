package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Exchange;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how an answer wrote back a marked probe: {@code <marker>'"<<marker>>}. The marker is letters and digits
 * (it starts with a letter, so {@code <marker>} parses as a start tag). A reflection is dangerous when the
 * characters that leave its context come back raw: {@code <} in element content (a new tag), the delimiting quote
 * in a quoted attribute, {@code >} in an unquoted one. The body of a redirect is never rendered (browsers follow
 * its Location), so it never counts. Reads are linear scans, no regular expressions. Immutable.
 *
 * @param marker  the marker sent
 * @param context where the dangerous reflection sits
 * @param at      its index in the body
 */
record HtmlReflection(String marker, Context context, int at) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The most characters between the two markers an encoder may write ({@code &#x27;&quot;&lt;}). */
    private static final int MAX_GAP = 40;

    /** Where in the markup a reflection sits. */
    enum Context {
        ELEMENT("element content"), DOUBLE_QUOTED("a double-quoted attribute"),
        SINGLE_QUOTED("a single-quoted attribute"), UNQUOTED("an unquoted attribute");

        final String label;

        Context(String label) {
            this.label = label;
        }
    }

    /** A fresh marker: {@code pxs} and ten random hexadecimal digits. */
    static String freshMarker() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return "pxs" + HexFormat.of().formatHex(b);
    }

    /** The value to send after the input's own: {@code m'"<m>}. */
    static String probe(String marker) {
        return marker + "'\"<" + marker + ">";
    }

    /** The first dangerous reflection of {@code marker} in {@code answer}, when the answer is HTML to a browser. */
    static Optional<HtmlReflection> in(Exchange answer, String marker) {
        boolean redirect = answer.status() >= 300 && answer.status() < 400
                && answer.responseHeaders().first("Location").isPresent();
        if (!answer.answered() || redirect || !rendersAsHtml(answer)) {
            return Optional.empty();
        }
        String body = answer.body();
        for (int i = body.indexOf(marker); i >= 0; i = body.indexOf(marker, i + 1)) {
            int second = body.indexOf(marker, i + marker.length());
            if (second < 0 || second - i - marker.length() > MAX_GAP) {
                continue;
            }
            String gap = body.substring(i + marker.length(), second);
            boolean closed = body.startsWith(">", second + marker.length());
            Context c = contextAt(body, i);
            boolean dangerous = switch (c) {
                case ELEMENT -> gap.endsWith("<");
                case DOUBLE_QUOTED -> gap.contains("\"");
                case SINGLE_QUOTED -> gap.contains("'");
                case UNQUOTED -> closed;
            };
            if (dangerous) {
                return Optional.of(new HtmlReflection(marker, c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a browser renders the answer as HTML: a text/html or XHTML content type, or none at all without
     * {@code X-Content-Type-Options: nosniff} (browsers then sniff). JSON, plain text and the rest are not.
     */
    static boolean rendersAsHtml(Exchange e) {
        Optional<String> type = e.responseHeaders().first("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).trim());
        if (type.isEmpty() || type.get().isEmpty()) {
            return !e.responseHeaders().first("X-Content-Type-Options").map(v -> v.trim().equalsIgnoreCase("nosniff"))
                    .orElse(false);
        }
        return type.get().startsWith("text/html") || type.get().startsWith("application/xhtml+xml");
    }

    /** Whether the answer declared HTML itself (rather than being sniffed). */
    static boolean declaredHtml(Exchange e) {
        return e.responseHeaders().first("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
                .orElse(false);
    }

    /** Inside a tag (after a {@code <} with no {@code >} since) it is an attribute, quoted as its {@code =} says. */
    static Context contextAt(String body, int at) {
        int lt = body.lastIndexOf('<', at - 1);
        int gt = body.lastIndexOf('>', at - 1);
        if (lt <= gt) {
            return Context.ELEMENT;
        }
        int eq = body.lastIndexOf('=', at - 1);
        if (eq < lt) {
            return Context.UNQUOTED;
        }
        int j = eq + 1;
        while (j < at && body.charAt(j) == ' ') {
            j++;
        }
        char q = body.charAt(j);
        return q == '"' ? Context.DOUBLE_QUOTED : q == '\'' ? Context.SINGLE_QUOTED : Context.UNQUOTED;
    }
}
