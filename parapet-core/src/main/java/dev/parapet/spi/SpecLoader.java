package dev.parapet.spi;

import java.net.URI;
import java.nio.file.Path;

/**
 * Reads an API description into an {@link ApiSpec} mapped onto the scan target. Found through
 * {@link java.util.ServiceLoader}, so the engine does not depend on any parser. Implementations never throw for a
 * bad document: every problem becomes a {@link SpecWarning}. They must not reach the network themselves: a document
 * fetched by the engine is handed over as text, and a document it refers to is fetched only through the engine's
 * {@link SpecFetcher}, or else reported, not followed.
 * Implementations are stateless and thread-safe.
 */
public interface SpecLoader {

    /** Reads a local file; relative file references next to it are followed. */
    ApiSpec load(Path file, URI target, long seed);

    /** Reads a document already fetched from {@code location}; only references inside it are followed. */
    ApiSpec load(String content, URI location, URI target, long seed);

    /**
     * Reads a local file; references to other URLs are followed only where {@code refs} fetches them (and the files
     * it refers to are read relative to it).
     */
    default ApiSpec load(Path file, URI target, long seed, SpecFetcher refs) {
        return load(file, target, seed);
    }

    /**
     * Reads a document fetched from {@code location}; its references to other documents (relative ones resolve
     * against {@code location}) are followed only where {@code refs} fetches them, never to local files.
     */
    default ApiSpec load(String content, URI location, URI target, long seed, SpecFetcher refs) {
        return load(content, location, target, seed);
    }
}
