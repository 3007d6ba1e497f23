package dev.parapet.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The API paths a JavaScript bundle names: string and template literals ({@code fetch('/api/items')},
 * {@code axios.get(`/api/users/${id}`)}, {@code '/rest/products/search?q=' + q}) that start with {@code /} (or with
 * the page's own origin), are made of word segments and do not name a static asset, with the query parameter names
 * they carry. A template's {@code ${...}} and a {@code :id} or {@code {id}} segment become {@code 1}, as does a
 * trailing {@code /} the code appends to ({@code "/rest/products/" + id}).
 *
 * <p>A single forward pass over at most {@code maxChars} characters: each quote opens a literal that ends at its
 * closing quote, at a line end for {@code '} and {@code "}, or after {@link #MAX_LITERAL} characters, so a quote in
 * a comment or a regular expression costs at most one line of misreading and never more than linear time.
 * Stateless.
 */
final class ScriptRoutes {

    /** Longest literal read; API paths are far shorter. */
    static final int MAX_LITERAL = 300;
    /** Stands where a template literal's {@code ${...}} was: a private-use character no path contains. */
    private static final char HOLE = '\uE000';

    /** A path the script names, and the query parameter names it writes after it. */
    record Route(String path, List<String> queryNames) {
        Route {
            queryNames = List.copyOf(queryNames);
        }

        /** The path with its parameters, each given {@code value.apply(name)}. */
        String pathAndQuery(java.util.function.UnaryOperator<String> value) {
            if (queryNames.isEmpty()) {
                return path;
            }
            StringBuilder sb = new StringBuilder(path).append('?');
            for (int i = 0; i < queryNames.size(); i++) {
                sb.append(i == 0 ? "" : "&").append(queryNames.get(i)).append('=')
                        .append(java.net.URLEncoder.encode(value.apply(queryNames.get(i)),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
            return sb.toString();
        }
    }

    private ScriptRoutes() {
    }

    /** The routes in {@code js} in order of first appearance, at most {@code maxRoutes}; {@code origin} may be null. */
    static List<Route> in(String js, URI origin, int maxChars, int maxRoutes) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        int end = Math.min(js.length(), maxChars);
        int i = 0;
        while (i < end && found.size() < maxRoutes) {
            char c = js.charAt(i);
            if (c != '"' && c != '\'' && c != '`') {
                i++;
                continue;
            }
            StringBuilder literal = new StringBuilder();
            int j = i + 1;
            boolean closed = false;
            while (j < end && literal.length() <= MAX_LITERAL) {
                char d = js.charAt(j);
                if (d == '\\' && j + 1 < end) {
                    literal.append(js.charAt(j + 1));
                    j += 2;
                } else if (d == c) {
                    closed = true;
                    j++;
                    break;
                } else if (c == '`' && d == '$' && j + 1 < end && js.charAt(j + 1) == '{') {
                    j = skipExpression(js, j + 2, end);
                    literal.append(HOLE);
                } else if (d == '\n' && c != '`') {
                    break;
                } else {
                    literal.append(d);
                    j++;
                }
            }
            if (closed) {
                boolean appended = nextNonSpace(js, j, end) == '+';
                route(literal.toString(), origin, appended).ifPresent(r ->
                        found.computeIfAbsent(r.path(), k -> new LinkedHashSet<>()).addAll(r.queryNames()));
            }
            i = Math.max(j, i + 1);
        }
        List<Route> out = new ArrayList<>();
        found.forEach((path, names) -> out.add(new Route(path, List.copyOf(names))));
        return out;
    }

    /** The index after the {@code }} closing a template expression that starts at {@code i}. */
    private static int skipExpression(String js, int i, int end) {
        int depth = 1;
        int j = i;
        while (j < end && depth > 0 && j - i <= MAX_LITERAL) {
            char c = js.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            j++;
        }
        return j;
    }

    private static char nextNonSpace(String js, int i, int end) {
        for (int j = i; j < end && j < i + 16; j++) {
            char c = js.charAt(j);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /** The literal as a route when it is one; {@link #HOLE} marks where a template expression stood. */
    static java.util.Optional<Route> route(String literal, URI origin, boolean appendedTo) {
        String s = literal.trim();
        if (origin != null && (s.startsWith("http://") || s.startsWith("https://"))) {
            String own = origin.getScheme() + "://" + origin.getRawAuthority();
            if (!s.regionMatches(true, 0, own, 0, own.length())) {
                return java.util.Optional.empty();
            }
            s = s.substring(own.length());
            if (s.isEmpty()) {
                return java.util.Optional.empty();
            }
        }
        if (s.length() < 2 || s.charAt(0) != '/' || s.charAt(1) == '/') {
            return java.util.Optional.empty();
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int q = s.indexOf('?');
        String path = q < 0 ? s : s.substring(0, q);
        String query = q < 0 ? "" : s.substring(q + 1);
        List<String> segments = new ArrayList<>();
        String[] parts = path.substring(1).split("/", -1);
        for (int k = 0; k < parts.length; k++) {
            String seg = parts[k];
            boolean last = k == parts.length - 1;
            if (seg.isEmpty()) {
                if (!last || k == 0) {
                    return java.util.Optional.empty();
                }
                segments.add(appendedTo ? "1" : "");
                continue;
            }
            String normal = placeholder(seg) ? "1" : seg;
            if (!wordSegment(normal)) {
                return java.util.Optional.empty();
            }
            segments.add(normal);
        }
        if (segments.size() > 10 || segments.stream().noneMatch(ScriptRoutes::hasLetter)) {
            return java.util.Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.isEmpty() && name.length() <= 40 && name.chars().allMatch(ch -> ch < 128
                    && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == '[' || ch == ']'))
                    && Character.isLetter(name.charAt(0))) {
                names.add(name);
            }
        }
        return java.util.Optional.of(new Route("/" + String.join("/", segments), names));
    }

    private static boolean placeholder(String seg) {
        return seg.indexOf(HOLE) >= 0 || seg.startsWith(":") && seg.length() > 1
                || seg.startsWith("{") && seg.endsWith("}") && seg.length() > 2;
    }

    /** Letters, digits and {@code - _ . ~ @ %}; no dot-only segment. */
    private static boolean wordSegment(String seg) {
        if (seg.equals(".") || seg.equals("..") || seg.length() > 80) {
            return false;
        }
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '~'
                    || c == '@' || c == '%');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String seg) {
        for (int i = 0; i < seg.length(); i++) {
            if (Character.isLetter(seg.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the route's first segment names a base path ({@code api}, {@code rest}, {@code v2}). */
    static boolean underApiPrefix(Route r, com.google.re2j.Pattern prefixSegment) {
        String first = r.path().substring(1).split("/", 2)[0].toLowerCase(Locale.ROOT);
        return prefixSegment.matcher(first).matches();
    }
}
