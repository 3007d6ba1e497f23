package dev.parapet.spi;

import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;

/**
 * All a check sees of the scan. Implementations are thread-safe; a check may probe from several threads.
 */
public interface CheckContext {

    Inventory inventory();

    ScanMode mode();

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
}
