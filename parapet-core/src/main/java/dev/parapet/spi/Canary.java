package dev.parapet.spi;

import java.time.Duration;
import java.util.List;

/**
 * The scan's out-of-band listener, as checks see it: an HTTP endpoint the target can reach, where a request can only
 * come from someone who was given one of its tokens. A check plants a token's {@link CanaryToken#url() URL} in a probe
 * and asks whether anything fetched it; a hit proves the target (or something acting on its behalf) made a request
 * to an address Parapet chose. Thread-safe; tokens are single-scan and unguessable.
 */
public interface Canary {

    /** The longest {@link #awaitHits} waits, whatever it is asked for: checks must not stall the scan. */
    Duration MAX_WAIT = Duration.ofSeconds(5);

    /**
     * A new token, unique to this call. {@code purpose} is a short label recorded with it (for example
     * {@code "ssrf avatar.url"}); it never appears in the URL.
     *
     * @throws IllegalStateException when the scan has minted as many tokens as the canary keeps (a few hundred)
     */
    CanaryToken mint(String purpose);

    /**
     * The requests the canary received for {@code token}, waiting up to {@code max} (capped at {@link #MAX_WAIT})
     * for the first one; returns as soon as there is at least one. An empty list means nothing came in time.
     *
     * @throws InterruptedException when the scan is being stopped
     */
    List<CanaryHit> awaitHits(CanaryToken token, Duration max) throws InterruptedException;

    /** The requests received for {@code token} so far, without waiting. */
    List<CanaryHit> hits(CanaryToken token);
}
