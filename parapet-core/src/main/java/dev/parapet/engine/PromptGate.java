package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.LlmEndpoints;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one door through which a scan's prompts reach LLM endpoints: the reason a text-only POST is safe to send in
 * {@code safe} mode. The gate, not the check, builds the request: a JSON body in the endpoint's
 * {@link dev.parapet.spi.PromptFormat} around the text. Its rules, in the order they are applied:
 * <ol>
 *   <li>never in {@code passive} mode;</li>
 *   <li>only to an endpoint {@link LlmEndpoints} recognises in the inventory, and only plain text of at most
 *       {@link #MAX_TEXT_CHARS} characters;</li>
 *   <li>strictly one prompt at a time for the whole scan, each sent at least {@link #SPACING} after the previous
 *       one was sent, so even a check that prompts from many threads cannot burst an expensive model;</li>
 *   <li>every prompt sent within {@link #WINDOW} of the scan's first one, which bounds what prompting can cost
 *       the target's owner; later prompts are refused;</li>
 *   <li>each prompt taken from the asking check's budget.</li>
 * </ol>
 * A broken rule yields an unsent exchange ({@link ExchangeOutcome#REFUSED} or
 * {@link ExchangeOutcome#BUDGET_EXHAUSTED}) whose error names the rule. Thread-safe; one instance per scan.
 */
final class PromptGate {

    /** Shortest time between two prompts of one scan, measured between the instants they are sent. */
    static final Duration SPACING = Duration.ofMillis(500);
    /** How long after a scan's first prompt its last may be sent. */
    static final Duration WINDOW = Duration.ofSeconds(30);
    /** Longest prompt text accepted; probes are short questions, not documents. */
    static final int MAX_TEXT_CHARS = 4_000;

    /** Sends one built request; the executor's {@link RequestExecutor#sendPrompt} in a scan. */
    interface Sender {
        Exchange send(HttpRequestRecord request) throws InterruptedException;
    }

    /** Waits until an instant of the gate's clock: a real sleep in a scan, a clock jump in tests. */
    interface Pause {
        void until(Instant when) throws InterruptedException;
    }

    /** Sleeps until {@code clock} shows {@code when} or later, however early a sleep wakes. */
    static Pause sleeping(InstantSource clock) {
        return when -> {
            Instant now = clock.instant();
            while (now.isBefore(when)) {
                Thread.sleep(Duration.between(now, when).toMillis() + 1);
                now = clock.instant();
            }
        };
    }

    private final ScanMode mode;
    private final Inventory inventory;
    private final Sender sender;
    private final InstantSource clock;
    private final Pause pause;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private final List<Instant> sent = new ArrayList<>();
    private Instant first;
    private Instant last;
    private List<LlmEndpoints.Target> targets;

    PromptGate(ScanMode mode, Inventory inventory, Sender sender, InstantSource clock, Pause pause) {
        this.mode = mode;
        this.inventory = inventory;
        this.sender = sender;
        this.clock = clock;
        this.pause = pause;
    }

    /** Applies the rules and, if they allow, sends {@code text} to the LLM endpoint at {@code uri}'s path. */
    Exchange prompt(URI uri, String text, ProbeBudget budget) throws InterruptedException {
        HttpRequestRecord asked = new HttpRequestRecord("POST", uri, Headers.EMPTY, text);
        if (mode == ScanMode.PASSIVE) {
            return refused(asked, "prompts are not sent in passive mode");
        }
        Optional<LlmEndpoints.Target> target = LlmEndpoints.among(targets(), uri);
        if (target.isEmpty()) {
            return refused(asked, "not sent: the scan did not recognise " + uri.getRawPath()
                    + " as an LLM endpoint (by path or response shape)");
        }
        if (text.isBlank() || text.length() > MAX_TEXT_CHARS) {
            return refused(asked, "not sent: a prompt is 1 to " + MAX_TEXT_CHARS + " characters of text");
        }
        LlmEndpoints.Target t = target.get();
        HttpRequestRecord request = new HttpRequestRecord("POST", t.uri(),
                Headers.of("Content-Type", "application/json", "Accept", "application/json"),
                t.format().body(text, t.model()));
        oneAtATime.lockInterruptibly();
        try {
            Instant now = clock.instant();
            Instant at = last == null || !now.isBefore(last.plus(SPACING)) ? now : last.plus(SPACING);
            if (first != null && at.isAfter(first.plus(WINDOW))) {
                return refused(request, "not sent: this scan's prompts used up their " + WINDOW.toSeconds()
                        + " s window");
            }
            if (!budget.tryTake()) {
                return Exchange.failed(request, ExchangeOutcome.BUDGET_EXHAUSTED, "request budget spent",
                        Duration.ZERO);
            }
            pause.until(at);
            Instant sending = clock.instant();
            first = first == null ? sending : first;
            last = sending;
            sent.add(sending);
            return sender.send(request);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** The inventory's LLM endpoints, classified once, on the first prompt (most scans send none). */
    private synchronized List<LlmEndpoints.Target> targets() {
        if (targets == null) {
            targets = LlmEndpoints.in(inventory);
        }
        return targets;
    }

    /** The instants prompts were handed to the sender, in order: the record the spacing rule is judged by. */
    List<Instant> sendInstants() {
        oneAtATime.lock();
        try {
            return List.copyOf(sent);
        } finally {
            oneAtATime.unlock();
        }
    }

    private static Exchange refused(HttpRequestRecord request, String why) {
        return Exchange.failed(request, ExchangeOutcome.REFUSED, why, Duration.ZERO);
    }
}
