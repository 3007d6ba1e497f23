package dev.parapet.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each operation of an OpenAPI or Swagger document sits in its file, read from the text alone (YAML or
 * pretty-printed JSON): a path key is a line whose key starts with {@code /} ({@code /users/{id}:},
 * {@code "/users/{id}": {}), and an operation is the first {@code get:}/{@code "get":}… key after it, before the next
 * path key. A finding's URL is matched to the path template whose segments match the end of the URL's path (a
 * server's base path may come first), the longest and most literal template winning. Good enough to put an alert
 * on the right lines; nothing here resolves {@code $ref}s or validates the document. Immutable.
 */
final class SpecOperationLines {

    /** Files larger than this are not scanned for lines (the loader refuses them long before). */
    private static final long MAX_BYTES = 64L << 20;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private record PathKey(String template, List<String> segments, int line, Map<String, Integer> methods) {
    }

    private final List<PathKey> keys;

    private SpecOperationLines(List<PathKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The operations of {@code file}, or none when it cannot be read. */
    static SpecOperationLines read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new SpecOperationLines(List.of());
            }
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new SpecOperationLines(List.of());
        }
    }

    static SpecOperationLines of(String text) {
        List<PathKey> keys = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        PathKey current = null;
        for (int i = 0; i < lines.length; i++) {
            String key = key(lines[i].strip());
            if (key == null) {
                continue;
            }
            if (key.startsWith("/")) {
                current = new PathKey(key, segments(key), i + 1, new LinkedHashMap<>());
                keys.add(current);
            } else if (current != null && METHODS.contains(key.toLowerCase(Locale.ROOT))) {
                current.methods().putIfAbsent(key.toUpperCase(Locale.ROOT), i + 1);
            }
        }
        return new SpecOperationLines(keys);
    }

    /** The key a line starts with ({@code key:}, {@code "key":} or {@code 'key':}), or null. */
    private static String key(String line) {
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        if (first == '"' || first == '\'') {
            int close = line.indexOf(first, 1);
            if (close < 0) {
                return null;
            }
            String rest = line.substring(close + 1).stripLeading();
            return rest.startsWith(":") ? line.substring(1, close) : null;
        }
        int colon = line.indexOf(':');
        // YAML: "key:" ends the line or is followed by a blank
        if (colon <= 0 || colon + 1 < line.length() && line.charAt(colon + 1) != ' ') {
            return null;
        }
        return line.substring(0, colon).strip();
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The 1-based line of the operation {@code method path} (its method key, else its path key), if found. */
    Optional<Integer> lineOf(String method, String path) {
        List<String> actual = segments(path == null ? "" : path);
        PathKey best = null;
        int bestScore = -1;
        for (PathKey k : keys) {
            int score = score(k.segments(), actual);
            if (score > bestScore) {
                best = k;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Integer methodLine = best.methods().get(method.toUpperCase(Locale.ROOT));
        return Optional.of(methodLine != null ? methodLine : best.line());
    }

    /**
     * How well {@code template} matches the end of {@code actual}: -1 when it does not, else more for more segments,
     * more for literal ones, and most when it matches the whole path.
     */
    private static int score(List<String> template, List<String> actual) {
        int n = template.size();
        int m = actual.size();
        if (n > m || n == 0 && m > 0) {
            return n == 0 && m == 0 ? 1 : -1;
        }
        int literal = 0;
        for (int k = 0; k < n; k++) {
            String t = template.get(n - 1 - k);
            String a = actual.get(m - 1 - k);
            boolean variable = t.startsWith("{") && t.endsWith("}");
            if (!variable && !t.equals(a)) {
                return -1;
            }
            literal += variable ? 0 : 1;
        }
        if (literal == 0 && n != m) {
            return -1; // "/{id}" says nothing about "/admin/debug"
        }
        return (n == m ? 10_000 : 0) + n * 100 + literal;
    }
}
