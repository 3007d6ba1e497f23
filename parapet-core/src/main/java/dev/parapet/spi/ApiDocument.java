package dev.parapet.spi;

import java.net.URI;
import java.util.Objects;

/**
 * An API description discovery found, with its text: a document served at its own URL, or one a page carries
 * inline (swagger-ui-express and NestJS put the whole spec into {@code swagger-ui-init.js} as {@code swaggerDoc}),
 * in which case {@code url} is the page or script that carried it and {@code text} is the document alone.
 * Immutable.
 *
 * @param url    where it was read
 * @param text   the document (JSON or YAML), never the surrounding script
 * @param inline whether it was cut out of a page or script rather than served on its own
 */
public record ApiDocument(URI url, String text, boolean inline) {

    public ApiDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
    }
}
