package dev.parapet.spi;

import dev.parapet.model.Endpoint;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation the scan knows how to call: a method, a path (the documented template for a spec operation, the
 * raw path for one found at run time) and a concrete request that calls it with plausible values, the baseline
 * every input of the operation is varied from. Immutable.
 *
 * @param method       upper case
 * @param path         {@code /users/{id}} for a documented operation, {@code /files} for a discovered one; the
 *                     server prefix (base path) included, as it is requested
 * @param example      the request that calls it: every documented parameter filled (optional ones with their
 *                     documented default or example), a body synthesised from the request schema when it has one
 * @param source       where the scan learnt of it
 * @param documented   its description in the API document, when it has one
 * @param changesState why it looks as if calling it changes the target ({@code "path says 'reset'"}), or empty;
 *                     safe mode never probes such an operation beyond the one plain request that found it
 */
public record Operation(String method, String path, ProbeRequest example, Endpoint.Source source,
                        Optional<ApiOperation> documented, Optional<String> changesState) {

    public Operation {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(source, "source");
        documented = documented == null ? Optional.empty() : documented;
        changesState = changesState == null ? Optional.empty() : changesState;
    }

    /** The example request's URL. */
    public URI uri() {
        return example.uri();
    }

    /** {@code GET /users/{id}}: how reports name it. */
    public String display() {
        return method + " " + path;
    }

    /** Whether calling it is a read by the method's own promise: GET, HEAD or OPTIONS. */
    public boolean readOnlyMethod() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
