package dev.parapet.engine;

import com.google.re2j.Pattern;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base paths (API prefixes) a scan learns from everything it sees: the target's own path, the servers and
 * {@code basePath} of API documents, and the paths of links, script literals and wordlist hits whose leading segments
 * name a prefix ({@code /api/}, {@code /api/v2/}, {@code /rest/}, {@code /v1/}, {@code /shop/api/}). Each base is
 * a directory URL ending in {@code /}; the origin always comes first, then the target's path, then bases in the
 * order of how often they were seen (first seen first among equals). Not thread-safe: one discovery owns it.
 */
final class BasePaths {

    /** Leading segments read when looking for a prefix: {@code /a/b/api/v2/x} is too deep to be one. */
    private static final int MAX_DEPTH = 4;

    private final URI origin;
    private final Pattern prefixSegment;
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private final List<String> fixed = new ArrayList<>();

    BasePaths(URI target, Pattern prefixSegment) {
        this.origin = target.resolve("/");
        this.prefixSegment = prefixSegment;
        fixed.add("/");
        String path = target.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            fixed.add(path.endsWith("/") ? path : path + "/");
        }
    }

    /** Counts every prefix of {@code rawPath} that ends on a prefix segment ({@code /api/v2/users} → two). */
    void observe(String rawPath) {
        for (String p : prefixesOf(rawPath, prefixSegment)) {
            seen.merge(p, 1, Integer::sum);
        }
    }

    /** Adds a base path as such (an API document's server, a wordlist hit that is a directory). */
    void declare(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > 200) {
            return;
        }
        String dir = rawPath.endsWith("/") ? rawPath : rawPath + "/";
        if (!dir.equals("/") && !dir.contains("//") && !dir.contains("{")) {
            seen.merge(dir, 1_000, Integer::sum);
        }
    }

    /** At most {@code max} bases, origin first. */
    List<URI> top(int max) {
        List<String> order = new ArrayList<>(fixed);
        seen.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).filter(p -> !order.contains(p)).forEach(order::add);
        return order.stream().limit(max).map(origin::resolve).toList();
    }

    /** The prefixes of {@code rawPath} that end on a prefix segment, shortest first. */
    static List<String> prefixesOf(String rawPath, Pattern prefixSegment) {
        List<String> out = new ArrayList<>();
        if (rawPath == null || !rawPath.startsWith("/")) {
            return out;
        }
        String[] segments = rawPath.substring(1).split("/");
        StringBuilder sb = new StringBuilder("/");
        int others = 0;
        for (int i = 0; i < Math.min(segments.length, MAX_DEPTH); i++) {
            String seg = segments[i];
            if (seg.isEmpty()) {
                break;
            }
            sb.append(seg).append('/');
            if (prefixSegment.matcher(seg).matches()) {
                out.add(sb.toString());
            } else if (++others > 1 || !out.isEmpty()) {
                // one leading segment may stand before the prefix (/shop/api/), none after it
                break;
            }
        }
        return out;
    }
}
