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

    /**
     * Sends {@code request} as {@link #probe} does, but never answers it from the scan's shared cache of identical
     * probes: for reading an object back after a write, when an earlier identical read would show the old state.
     * Its answer replaces the cached one. Writes (POST, PUT, PATCH, DELETE) are never cached in the first place.
     *
     * @throws InterruptedException when the scan is being stopped
     */
    default Exchange probeFresh(ProbeRequest request) throws InterruptedException {
        return probe(request);
    }

    /** Probes left in this check's budget. */
    int remainingBudget();

    /**
     * Records a change this check made on the target, right after sending the request that made it (before any
     * read-back, so a scan stopped in between still undoes it). The engine lists the write in the report and
     * undoes it at the end of the scan unless {@link #undo} did first. Costs no probe.
     */
    default WriteTicket recordWrite(Write write) {
        return new WriteTicket(0, write);
    }

    /**
     * Undoes a recorded write now: the engine sends its delete or restore request (and the read that shows it
     * took), outside this check's budget and the probe cache, and never twice for one write. Call it in a
     * {@code finally} block. When the scan is stopping, the write is left to the end-of-scan pass and the answer
     * is {@link dev.parapet.model.WriteRecord.Outcome#PENDING}.
     *
     * @return what became of the write
     */
    default dev.parapet.model.WriteRecord undo(WriteTicket ticket) throws InterruptedException {
        return new dev.parapet.model.WriteRecord("", ticket.write() instanceof Write.Created
                ? dev.parapet.model.WriteRecord.Kind.CREATED : dev.parapet.model.WriteRecord.Kind.CHANGED,
                ticket.write().via(), ticket.write().object().toString(), "", "",
                dev.parapet.model.WriteRecord.Outcome.LEFT_BEHIND, "this context keeps no undo ledger");
    }

    /** A piece of a write test that must run alone; see {@link #exclusively}. */
    @FunctionalInterface
    interface Exclusive<T> {
        T run() throws InterruptedException;
    }

    /**
     * Runs {@code action} while no other check of the scan runs one: a test that reads an existing object, writes
     * it, reads it back and writes the old value back must not interleave with another check's, or either would
     * take the other's marker for the old value. Keep the action to that sequence (and undo inside it), since other
     * write tests wait meanwhile.
     *
     * @throws InterruptedException when the scan is being stopped while waiting or inside {@code action}
     */
    default <T> T exclusively(Exclusive<T> action) throws InterruptedException {
        return action.run();
    }

    /**
     * Whether this scan may delete what it creates ({@code --mode active} with {@code --allow-delete}): a check
     * that creates objects on purpose (an account, a webhook) does so only when they can be deleted again.
     * DELETE is only ever sent to an object this scan recorded as created.
     */
    default boolean mayDelete() {
        return false;
    }

    /**
     * Tells the engine that the input point being screened cannot be tested, and why: its operation refused the
     * check's baseline request ({@link dev.parapet.model.Untested#BASELINE_REFUSED}: {@code 400 {"error":"username
     * taken"}}, so a write test would only test the API's validation), nothing the check wrote can be read back
     * ({@link dev.parapet.model.Untested#NO_READ_BACK}), or testing it needs what this scan does not allow
     * ({@link dev.parapet.model.Untested#MODE}: creating an account without {@code --allow-delete}). The point is
     * reported untested for {@code reason}, with {@code detail}, instead of tested, and does not make the check
     * partial. Only meaningful inside {@link InputCheck#screen}; other reasons are reported as given.
     */
    default void untested(dev.parapet.model.Untested reason, String detail) {
    }

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
