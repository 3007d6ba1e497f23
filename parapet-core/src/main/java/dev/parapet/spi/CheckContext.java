package dev.parapet.spi;

import dev.parapet.model.Exchange;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanMode;

/**
 * All a check sees of the scan. Implementations are thread-safe; a check may probe from several threads.
 */
public interface CheckContext {

    Inventory inventory();

    ScanMode mode();

    /** How many probes tiered checks send ({@code --tier}); checks without tiers ignore it. */
    default ProbeTier tier() {
        return ProbeTier.STANDARD;
    }

    /**
     * Whether probes {@linkplain ProbeRequest#as(Identity) as} {@code identity} carry credentials of their own:
     * always true for {@link Identity#ANONYMOUS}; for the others, true when the user supplied them.
     */
    default boolean has(Identity identity) {
        return identity == Identity.ANONYMOUS;
    }

    /**
     * Sends a request through the engine (scope, rate limit, budget, de-duplication, redirects, body cap) and
     * returns what became of it. Never throws for network trouble: look at {@link Exchange#outcome()}.
     *
     * @throws InterruptedException when the scan is being stopped
     */
    Exchange probe(ProbeRequest request) throws InterruptedException;

    /** Probes left in this check's budget. */
    int remainingBudget();

    /**
     * Attempts a TLS handshake with the target offering only {@code protocol} (for example {@code TLSv1}) and
     * reports what the server negotiated. Counts as one probe. Only meaningful for HTTPS targets.
     */
    TlsHandshake tlsHandshake(String protocol) throws InterruptedException;

    /**
     * The scan's out-of-band canary, started on first use: present when the target can reach it (a loopback or
     * private target, or any target when the user gave {@code --oob-url}), empty otherwise, in which case checks
     * judge by content alone. Minting and waiting cost no probes.
     */
    default java.util.Optional<Canary> canary() {
        return java.util.Optional.empty();
    }
}
