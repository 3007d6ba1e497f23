package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where SARIF results sit, in a form GitHub code scanning accepts (it skips locations with a scheme other than
 * {@code file}, and wants a {@code region.startLine}). With an API description file, a result is on the line of its
 * operation in that file (the path key or its method), the file named relative to the working directory, the way a
 * workflow names files in its repository. A result whose operation is not in the file, or any result when there is
 * no file, is named by its path relative to its origin, under the base id {@code TARGET} (further origins get
 * {@code TARGET2}, {@code TARGET3}…) which {@code originalUriBaseIds} maps to the origin; its line is 1, the only
 * line a URL has. Immutable once built.
 */
final class SarifLocations {

    static final String TARGET = "TARGET";

    private final Optional<String> specUri;
    private final SpecOperationLines lines;
    private final Map<String, String> baseIdByOrigin = new LinkedHashMap<>();

    private SarifLocations(Optional<String> specUri, SpecOperationLines lines) {
        this.specUri = specUri;
        this.lines = lines;
    }

    static SarifLocations of(ScanReport r, Optional<Path> specFile) {
        SarifLocations l = new SarifLocations(specFile.map(SarifLocations::fileUri),
                specFile.map(SpecOperationLines::read).orElse(SpecOperationLines.of("")));
        origin(r.target()).ifPresent(o -> l.baseIdByOrigin.put(o, TARGET));
        for (Finding f : r.findings()) {
            origin(f.endpoint().uri().toString()).ifPresent(o -> l.baseIdByOrigin.computeIfAbsent(o,
                    k -> TARGET + (l.baseIdByOrigin.size() + 1)));
        }
        return l;
    }

    /** {@code originalUriBaseIds}: each base id with its origin (ending in a slash, as SARIF requires). */
    ObjectNode originalUriBaseIds() {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        baseIdByOrigin.forEach((origin, id) -> node.putObject(id).put("uri", origin + "/"));
        return node;
    }

    /** The result's {@code physicalLocation}. */
    ObjectNode physical(Finding f) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        URI uri = f.endpoint().uri();
        Optional<Integer> line = specUri.isPresent() ? lines.lineOf(f.endpoint().method(), uri.getRawPath())
                : Optional.empty();
        if (line.isPresent()) {
            node.putObject("artifactLocation").put("uri", specUri.get());
            node.putObject("region").put("startLine", line.get());
            return node;
        }
        ObjectNode artifact = node.putObject("artifactLocation");
        artifact.put("uri", relativeReference(uri.getRawPath(), uri.getRawQuery()));
        // a URL that is not absolute http(s) has no origin: its relative form is all there is to name
        origin(uri.toString()).map(baseIdByOrigin::get).ifPresent(base -> artifact.put("uriBaseId", base));
        node.putObject("region").put("startLine", 1);
        return node;
    }

    /**
     * {@code api/users/1?x=2} for {@code /api/users/1?x=2}: a relative reference that resolves against the origin's
     * base to the URL; {@code ./} for the root, and a first segment with a colon gets {@code ./} so it is no scheme.
     */
    static String relativeReference(String rawPath, String rawQuery) {
        String path = rawPath == null ? "" : rawPath.replaceFirst("^/+", "");
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (path.isEmpty() || first.contains(":")) {
            path = "./" + path;
        }
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    /** {@code specs/api.yaml}: the file relative to the working directory, or a {@code file:} URI outside it. */
    static String fileUri(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
            StringBuilder sb = new StringBuilder();
            for (Path part : cwd.relativize(absolute)) {
                sb.append(sb.isEmpty() ? "" : "/").append(encode(part.toString()));
            }
            return sb.toString();
        }
        return absolute.toUri().toString();
    }

    private static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** {@code http://host:port} of an absolute http(s) URL, lower-cased scheme and host. */
    static Optional<String> origin(String url) {
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme();
            if (scheme == null || u.getRawAuthority() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            String host = u.getHost() == null ? u.getRawAuthority() : u.getHost();
            String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return Optional.of(scheme.toLowerCase(java.util.Locale.ROOT) + "://"
                    + hostPart.toLowerCase(java.util.Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
