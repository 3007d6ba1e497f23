package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.http.TlsProber;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Canary;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What one check sees of the engine: its own budget in front of the scan's shared parts (budget, safe-mode guard,
 * cache, executor, coverage ledger). An input check's screens and confirmations each get a sibling context
 * ({@link #withBudget}) whose budget is that step's, and which counts what became of its probes. Thread-safe.
 */
final class EngineCheckContext implements CheckContext {

    /** The parts of one scan every check's context shares. */
    record Shared(Inventory inventory, ScanConfig config, ProbeCache cache, RequestExecutor executor,
                  ScanControl control, PromptGate prompts, Supplier<Optional<Canary>> canary, ScanBudget scanBudget,
                  SafeModeGuard guard, CoverageLedger ledger) {
    }

    private final Shared shared;
    private final String checkId;
    private final ProbeBudget budget;
    private final AtomicInteger cutShort;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger overScanBudget = new AtomicInteger();

    EngineCheckContext(Shared shared, String checkId, ProbeBudget budget) {
        this(shared, checkId, budget, new AtomicInteger());
    }

    private EngineCheckContext(Shared shared, String checkId, ProbeBudget budget, AtomicInteger cutShort) {
        this.shared = shared;
        this.checkId = checkId;
        this.budget = budget;
        this.cutShort = cutShort;
    }

    /** A context for one step of this check with {@code stepBudget}; interrupts still count against this check. */
    EngineCheckContext withBudget(ProbeBudget stepBudget) {
        return new EngineCheckContext(shared, checkId, stepBudget, cutShort);
    }

    @Override
    public Inventory inventory() {
        return shared.inventory();
    }

    @Override
    public ScanMode mode() {
        return shared.config().mode();
    }

    @Override
    public ProbeTier tier() {
        return shared.config().tier();
    }

    @Override
    public boolean has(Identity identity) {
        return shared.executor().credentials().has(identity);
    }

    /**
     * Mode, budgets (the check's, then the scan's), the safe-mode guard, then the shared cache and executor. When
     * the scan is stopping this throws {@link InterruptedException} instead of handing the check a cancelled
     * exchange it might mistake for an answer about the target (the SPI's contract), and counts it so the engine
     * knows the check was cut short.
     */
    @Override
    public Exchange probe(ProbeRequest request) throws InterruptedException {
        ScanControl control = shared.control();
        if (Thread.currentThread().isInterrupted() || control.isStopping()) {
            throw stopping();
        }
        HttpRequestRecord asRecord = new HttpRequestRecord(request.method(), request.uri(), request.headers(),
                request.body());
        if (mode() == ScanMode.PASSIVE && !plainRequestToKnownEndpoint(request)) {
            return Exchange.failed(asRecord, ExchangeOutcome.OUT_OF_SCOPE, "not sent in passive mode: only plain "
                    + "GET, HEAD and OPTIONS requests to discovered endpoints are", Duration.ZERO);
        }
        Optional<Exchange> intercepted = shared.guard().intercept(request);
        if (intercepted.isPresent()) {
            return intercepted.get();
        }
        if (!budget.tryTake()) {
            return Exchange.failed(asRecord, ExchangeOutcome.BUDGET_EXHAUSTED, "request budget spent", Duration.ZERO);
        }
        if (!shared.scanBudget().tryTake()) {
            budget.giveBack();
            overScanBudget.incrementAndGet();
            return Exchange.failed(asRecord, ExchangeOutcome.BUDGET_EXHAUSTED, "the scan's request budget ("
                    + shared.scanBudget().limit() + " after discovery; --max-requests) is spent", Duration.ZERO);
        }
        Exchange e = shared.cache().get(request, shared.executor()::execute);
        if (e.outcome() == ExchangeOutcome.CANCELLED) {
            throw stopping();
        }
        (e.answered() ? answered : unanswered).incrementAndGet();
        shared.ledger().probed(checkId, request);
        return e;
    }

    /** The {@link PromptGate}'s rules, then this check's budget; a stopping scan throws as {@link #probe} does. */
    @Override
    public Exchange prompt(URI llmEndpoint, String text) throws InterruptedException {
        if (Thread.currentThread().isInterrupted() || shared.control().isStopping()) {
            throw stopping();
        }
        Exchange e = shared.prompts().prompt(llmEndpoint, text, budget);
        if (e.outcome() == ExchangeOutcome.CANCELLED) {
            throw stopping();
        }
        return e;
    }

    /** Passive mode's promise: no payloads, no crafted headers, nothing discovery did not already find. */
    private boolean plainRequestToKnownEndpoint(ProbeRequest request) {
        boolean plain = (request.method().equals("GET") || request.method().equals("HEAD")
                || request.method().equals("OPTIONS")) && request.body().isEmpty()
                && request.headers().fields().isEmpty();
        Inventory inventory = inventory();
        return plain && (request.uri().equals(inventory.target())
                || inventory.endpoints().stream().anyMatch(ep -> ep.uri().equals(request.uri())));
    }

    private InterruptedException stopping() {
        cutShort.incrementAndGet();
        return new InterruptedException("scan stopping: " + shared.control().reason());
    }

    /** Probes this check asked for after the scan began stopping: non-zero means its run was cut short. */
    int cutShort() {
        return cutShort.get();
    }

    /** Probes of this context that were answered. */
    int answered() {
        return answered.get();
    }

    /** Probes of this context that were sent but not answered (timeouts, resets). */
    int unanswered() {
        return unanswered.get();
    }

    /** Probes of this context refused because the scan's budget was spent. */
    int overScanBudget() {
        return overScanBudget.get();
    }

    @Override
    public int remainingBudget() {
        return (int) Math.min(budget.remaining(), shared.scanBudget().remaining());
    }

    @Override
    public TlsHandshake tlsHandshake(String protocol) throws InterruptedException {
        URI target = inventory().target();
        if (!"https".equalsIgnoreCase(target.getScheme())) {
            return new TlsHandshake(protocol, false, "", List.of(), "target is not HTTPS");
        }
        if (shared.control().isStopping()) {
            throw stopping();
        }
        if (!budget.tryTake()) {
            return new TlsHandshake(protocol, false, "", List.of(), "request budget spent");
        }
        int port = target.getPort() > 0 ? target.getPort() : 443;
        return TlsProber.handshake(target.getHost(), port, protocol, shared.config().connectTimeout());
    }

    /** None in passive mode: planting a canary URL is a probe payload. */
    @Override
    public Optional<Canary> canary() {
        return mode() == ScanMode.PASSIVE ? Optional.empty() : shared.canary().get();
    }

    ProbeBudget budget() {
        return budget;
    }

    String checkId() {
        return checkId;
    }

    int used() {
        return budget.used();
    }

    int refused() {
        return budget.refused();
    }
}
