package dev.parapet.spi;

import java.net.URI;
import java.nio.file.Path;

/**
 * Reads an API description into an {@link ApiSpec} mapped onto the scan target. Found through
 * {@link java.util.ServiceLoader}, so the engine does not depend on any parser. Implementations never throw for a
 * bad document: every problem becomes a {@link SpecWarning}. They must not reach the network: a document fetched
 * by the engine is handed over as text, and references to other URLs are reported, not followed.
 * Implementations are stateless and thread-safe.
 */
public interface SpecLoader {

    /** Reads a local file; relative file references next to it are followed. */
    ApiSpec load(Path file, URI target, long seed);

    /** Reads a document already fetched from {@code location}; only references inside it are followed. */
    ApiSpec load(String content, URI location, URI target, long seed);
}
