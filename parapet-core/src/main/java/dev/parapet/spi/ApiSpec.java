package dev.parapet.spi;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An API description as the scan understood it. Reading never fails: what could not be read is a
 * {@link SpecWarning}, and the operation counts say how much survived.
 *
 * @param source            where it came from (file path or URL); empty for {@link #EMPTY}
 * @param version           the declared version ({@code 2.0}, {@code 3.0.3}, {@code 3.1.0}); empty when unknown
 * @param operations        the operations kept, in document order
 * @param servers           the declared server URLs (Swagger 2.0 host/basePath/schemes turned into URLs),
 *                          with variables replaced by their defaults
 * @param warnings          problems met while reading, each with its JSON pointer
 * @param keptOperations    operations read well enough to use
 * @param skippedOperations operations dropped because they could not be read
 */
public record ApiSpec(String source, String version, List<ApiOperation> operations, List<String> servers,
                      List<SpecWarning> warnings, int keptOperations, int skippedOperations) {

    /** No spec was given or found. */
    public static final ApiSpec EMPTY = new ApiSpec("", "", List.of(), List.of(), List.of(), 0, 0);

    public ApiSpec {
        operations = SpecOperations.of(operations);
        servers = List.copyOf(servers);
        warnings = List.copyOf(warnings);
    }

    /** A spec that could not be read at all: one warning, nothing kept. */
    public static ApiSpec unreadable(String source, String pointer, String message) {
        return new ApiSpec(source, "", List.of(), List.of(), List.of(new SpecWarning(pointer, message)), 0, 0);
    }

    /** Whether there is anything to judge against: a source was read and at least one operation kept. */
    public boolean present() {
        return !operations.isEmpty();
    }

    /**
     * The documented operation whose mapped URL path matches this method and URL path, placeholders matching any
     * one segment. HEAD matches a documented GET. The first such operation in document order; found through an
     * index of path segments built on the first call, so a lookup costs the path's length, not the spec's size.
     */
    public Optional<ApiOperation> match(String method, URI uri) {
        String m = method.toUpperCase(Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return ((SpecOperations) operations).match(m, path);
    }
}
