package dev.parapet.checks.unsafeconsumption;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.parapet.model.Exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an answer sends the browser: the {@code Location} of a 3xx answer, or, in a 2xx HTML page, the URL of a
 * {@code <meta http-equiv="refresh">} and the string a script assigns to {@code location}, {@code location.href} or
 * passes to {@code location.replace}/{@code assign}. A link the page merely shows, or a JSON body naming the URL
 * ({@code 200 {"error": "not allowed: ..."}}), sends nobody anywhere and is not read. Patterns are RE2/J over at most
 * {@link #MAX_READ} characters. Stateless.
 */
final class PageRedirects {

    /** How much of a page is read: redirecting pages are small, and their redirect comes early. */
    static final int MAX_READ = 65_536;

    /** How a redirect was spelt by the answer. */
    enum Kind {
        LOCATION("Location"), META_REFRESH("meta refresh"), SCRIPT("script location");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One place the answer sends the browser to, as the answer wrote it. */
    record Target(Kind kind, String url) {
    }

    private static final Pattern META = Pattern.compile("(?is)<meta\\b[^>]*?http-equiv\\s*=\\s*[\"']?refresh"
            + "[^>]*>");
    private static final Pattern CONTENT = Pattern.compile("(?is)\\bcontent\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'"
            + "|([^\\s>]+))");
    private static final Pattern REFRESH_URL = Pattern.compile("(?is)^\\s*[\\d.]*\\s*[;,]?\\s*(?:url\\s*=\\s*)?"
            + "(?:\"([^\"]*)\"?|'([^']*)'?|(.*))$");
    private static final Pattern SCRIPT = Pattern.compile("(?s)\\blocation(?:\\.href)?\\s*=\\s*(?:\"((?:[^\"\\\\\\n]|"
            + "\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)')|\\blocation\\.(?:replace|assign)\\(\\s*(?:\""
            + "((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)')");

    private PageRedirects() {
    }

    /** Every place {@code e} sends the browser, in the order above. */
    static List<Target> of(Exchange e) {
        List<Target> out = new ArrayList<>();
        if (!e.answered()) {
            return out;
        }
        if (e.status() >= 300 && e.status() < 400) {
            e.responseHeaders().first("Location").ifPresent(l -> out.add(new Target(Kind.LOCATION, l)));
            return out;
        }
        boolean html = e.responseHeaders().first("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
                .orElse(false);
        if (e.status() < 200 || e.status() >= 300 || !html) {
            return out;
        }
        String body = e.body().length() > MAX_READ ? e.body().substring(0, MAX_READ) : e.body();
        Matcher meta = META.matcher(body);
        while (meta.find()) {
            Matcher content = CONTENT.matcher(meta.group());
            if (content.find()) {
                Matcher url = REFRESH_URL.matcher(htmlDecoded(first(content)));
                if (url.find()) {
                    out.add(new Target(Kind.META_REFRESH, first(url).strip()));
                }
            }
        }
        Matcher script = SCRIPT.matcher(body);
        while (script.find()) {
            out.add(new Target(Kind.SCRIPT, scriptDecoded(first(script))));
        }
        return out;
    }

    private static String first(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    /** The character references a redirecting page writes in an attribute. */
    private static String htmlDecoded(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&#x2F;", "/")
                .replace("&#47;", "/").replace("&#x5C;", "\\").replace("&#92;", "\\").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A JavaScript string literal's escapes undone ({@code \/}, {@code \\}, {@code \x2f}, {@code \u002f}). */
    static String scriptDecoded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            int hexLength = n == 'x' ? 2 : n == 'u' ? 4 : 0;
            if (hexLength > 0 && i + hexLength < s.length() && isHex(s, i + 1, hexLength)) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 1 + hexLength), 16));
                i += hexLength;
            } else {
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
