package dev.parapet.spi;

import java.net.URI;

/**
 * Fetches a document an API description refers to ({@code $ref: https://…}) for a {@link SpecLoader}, under the
 * scan's rules: the engine's fetcher sends a GET only inside the scan's scope or to a {@code --spec-host}, through
 * the scan's politeness and accounting. Implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface SpecFetcher {

    /** Fetches nothing: every reference to another URL is refused with this fetcher's reason. */
    SpecFetcher NONE = uri -> new Result.Refused("Parapet fetches the documents a spec refers to only inside the "
            + "scan's scope or from a --spec-host; download it next to the spec and refer to it by a relative path");

    /** The document at {@code uri}, or why it was not fetched. */
    Result fetch(URI uri);

    /** A fetched document, or a refusal or failure in one sentence a user can act on. */
    sealed interface Result {
        record Document(String text) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }
}
