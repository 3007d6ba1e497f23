package dev.parapet.engine;

import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How one base path answers paths that do not exist, learnt from two made-up paths under it (a random segment, and a
 * random segment one level deeper): their status, kind of body, length and shape ({@link ResponseShape}). An answer
 * that looks the same is this base's soft-404, whatever its status: an SPA's {@code index.html} for every path, a
 * {@code 200 {"error":"not found"}}, a login redirect for everything, a gateway's 401 for every path. 404 and 410 are
 * always not-found. Immutable.
 */
final class SoftNotFound {

    /** Start of every made-up segment; no application routes it. */
    static final String MARKER = "parapet-nx-";

    private final URI base;
    private final List<ResponseShape> shapes;
    private final List<ResponseShape> all;

    private SoftNotFound(URI base, List<ResponseShape> shapes, List<ResponseShape> all) {
        this.base = base;
        this.shapes = List.copyOf(shapes);
        this.all = List.copyOf(all);
    }

    /** The two made-up URLs to request under {@code base} (a directory URL ending in {@code /}). */
    static List<URI> probes(URI base, RandomGenerator random) {
        HexFormat hex = HexFormat.of();
        String one = MARKER + hex.toHexDigits(random.nextLong()).substring(0, 12);
        String two = hex.toHexDigits(random.nextInt()) + "/" + MARKER + hex.toHexDigits(random.nextInt());
        return List.of(base.resolve(one), base.resolve(two));
    }

    /** What {@code base} answers for made-up paths, from the answers to {@link #probes}. */
    static SoftNotFound learn(URI base, List<Exchange> answers) {
        List<ResponseShape> shapes = new ArrayList<>();
        List<ResponseShape> all = new ArrayList<>();
        for (Exchange e : answers) {
            if (e.answered()) {
                ResponseShape s = ResponseShape.of(e, echoes(e.request().uri()));
                all.add(s);
                if (e.status() != 404 && e.status() != 410) {
                    shapes.add(s);
                }
            }
        }
        return new SoftNotFound(base, shapes, all);
    }

    /** A base whose made-up paths were never asked: only 404, 410 and unanswered requests count as not found. */
    static SoftNotFound uncalibrated(URI base) {
        return new SoftNotFound(base, List.of(), List.of());
    }

    /**
     * Whether {@code madeUp}, the answer to a made-up path under some directory of this base, comes from the same
     * handler as this base's made-up paths: same status, kind and shape as one of them (404s included). A
     * directory whose made-up paths answer otherwise (a JSON 404 under {@code /api/} where the origin answers an
     * HTML one) is handled by a router of its own: a base path. True when this base was never calibrated.
     */
    boolean sameHandler(Exchange madeUp) {
        if (all.isEmpty() || !madeUp.answered()) {
            return true;
        }
        ResponseShape s = ResponseShape.of(madeUp, echoes(madeUp.request().uri()));
        return all.stream().anyMatch(c -> c.status() == s.status() && c.kind().equals(s.kind())
                && c.shape().equals(s.shape()));
    }

    URI base() {
        return base;
    }

    /** Whether every made-up path under this base answered a plain 404 or 410 (or nothing). */
    boolean plain() {
        return shapes.isEmpty();
    }

    /** Whether {@code e} is what this base answers for a path that does not exist. */
    boolean matches(Exchange e) {
        if (!e.answered() || e.status() == 404 || e.status() == 410) {
            return true;
        }
        ResponseShape s = ResponseShape.of(e, echoes(e.request().uri()));
        for (ResponseShape c : shapes) {
            if (c.status() != s.status()) {
                continue;
            }
            if (s.status() >= 300 && s.status() < 400) {
                if (c.location().equals(s.location())) {
                    return true;
                }
                continue;
            }
            if (c.kind().equals(s.kind()) && c.shape().equals(s.shape())
                    && (c.hash() == s.hash() || ResponseShape.similarLength(c.length(), s.length()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 404} or the soft-404's status, kind and shape, for logs. */
    String describe() {
        return shapes.isEmpty() ? "404" : shapes.stream().map(s -> s.status() + " " + s.kind() + " " + s.shape())
                .distinct().reduce((a, b) -> a + " | " + b).orElse("");
    }

    /** The parts of a request an answer may repeat: its path, unescaped path and last segment. */
    static List<String> echoes(URI uri) {
        List<String> out = new ArrayList<>();
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        out.add(raw);
        String decoded = uri.getPath() == null ? "" : uri.getPath();
        if (!decoded.equals(raw)) {
            out.add(decoded);
        }
        int slash = raw.lastIndexOf('/', raw.length() - 2);
        if (slash >= 0 && slash + 1 < raw.length()) {
            out.add(raw.substring(slash + 1));
        }
        return out;
    }
}
