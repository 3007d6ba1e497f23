package dev.parapet.spi;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanMode;

import java.net.URI;
import java.time.Duration;

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

    /**
     * Sends {@code text} as the user's message to the LLM endpoint at {@code llmEndpoint}'s path, in a JSON body
     * the engine builds ({@link PromptFormat}, chosen by {@link LlmEndpoints}); the check never supplies a body.
     * This is the only way a check sends a POST in {@code safe} mode, and the engine holds it to strict rules:
     * never in {@code passive} mode; only to endpoints {@link LlmEndpoints#in} recognises; one prompt at a time per
     * scan, at least 500 ms apart; all within a 30 s window per scan; each counted against the check's budget.
     * A prompt that breaks a rule is not sent: its exchange is {@link ExchangeOutcome#REFUSED} (or
     * {@link ExchangeOutcome#BUDGET_EXHAUSTED}) with the rule in {@link Exchange#error()}.
     *
     * @throws InterruptedException when the scan is being stopped
     */
    default Exchange prompt(URI llmEndpoint, String text) throws InterruptedException {
        return Exchange.failed(new HttpRequestRecord("POST", llmEndpoint, Headers.EMPTY, text),
                ExchangeOutcome.REFUSED, "this context sends no prompts", Duration.ZERO);
    }

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
