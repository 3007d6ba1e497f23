package dev.parapet.engine;

import dev.parapet.spi.Operation;
import dev.parapet.spi.Surface;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the surface's operation a request calls, by method and path shape ({@code GET /users/43} calls the
 * operation whose example is {@code GET /users/7}): one hash look-up per request, whatever the surface's size.
 * Immutable and thread-safe.
 */
final class SurfaceIndex {

    private final Map<String, Operation> byShape = new HashMap<>();

    SurfaceIndex(Surface surface) {
        for (Operation op : surface.operations()) {
            byShape.putIfAbsent(op.method() + " " + shape(op.uri().getRawPath()), op);
        }
    }

    /** The operation {@code method uri} calls; HEAD finds the GET operation. */
    Optional<Operation> of(String method, URI uri) {
        String shape = shape(uri.getRawPath());
        Operation op = byShape.get(method + " " + shape);
        if (op == null && method.equals("HEAD")) {
            op = byShape.get("GET " + shape);
        }
        return Optional.ofNullable(op);
    }

    /** The path with id-like segments replaced by {@code {id}}, {@code {id2}}…, a trailing slash dropped. */
    static String shape(String rawPath) {
        List<String> shaped = new ArrayList<>();
        int ids = 0;
        for (String s : SurfaceBuilder.segments(rawPath)) {
            if (SurfaceBuilder.identifierLike(s)) {
                ids++;
                shaped.add(ids == 1 ? "{id}" : "{id" + ids + "}");
            } else {
                shaped.add(s);
            }
        }
        return "/" + String.join("/", shaped);
    }
}
