package dev.parapet.spi;

import java.net.URI;
import java.util.Objects;

/**
 * One planted token of the {@link Canary}. Immutable.
 *
 * @param token   the random, unguessable path segment that identifies it (lower-case hex)
 * @param url     the URL to plant in a probe: the canary's base URL as the target reaches it, then {@code /token}
 * @param marker  a second random string, in the body the canary serves for this token but never in {@link #url}, so
 *                a target that merely echoes the URL it was given is not mistaken for one that fetched it
 * @param markup  the exact HTML element carrying {@link #marker} that the canary serves; finding it unescaped in a
 *                target's response shows the target relayed upstream markup as it was
 * @param purpose the label the check gave when minting
 */
public record CanaryToken(String token, URI url, String marker, String markup, String purpose) {

    public CanaryToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(markup, "markup");
        purpose = purpose == null ? "" : purpose;
    }

    /** The page the canary serves for this token ({@code text/html}): a tiny document around {@link #markup}. */
    public String page() {
        return "<!doctype html><html><head><title>Parapet canary</title></head><body>" + markup + "</body></html>\n";
    }

    /** Whether {@code text} carries the markup exactly as served: tags and attributes unescaped. */
    public boolean markupIn(String text) {
        return text != null && text.contains(markup);
    }

    /** Whether {@code text} carries the marker in any form (escaped markup included). */
    public boolean markerIn(String text) {
        return text != null && text.contains(marker);
    }
}
