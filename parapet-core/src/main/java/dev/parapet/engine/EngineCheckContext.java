package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.http.TlsProber;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What one check sees of the engine: its own budget in front of the shared cache and executor. Thread-safe. */
final class EngineCheckContext implements CheckContext {

    private final Inventory inventory;
    private final ScanMode mode;
    private final ProbeBudget budget;
    private final ProbeCache cache;
    private final RequestExecutor executor;
    private final ScanControl control;
    private final Duration connectTimeout;
    private final AtomicInteger cutShort = new AtomicInteger();

    private final ProbeTier tier;
    private final PromptGate prompts;
    private final java.util.function.Supplier<java.util.Optional<dev.parapet.spi.Canary>> canary;

    EngineCheckContext(Inventory inventory, ScanConfig config, ProbeBudget budget, ProbeCache cache,
                       RequestExecutor executor, ScanControl control, PromptGate prompts,
                       java.util.function.Supplier<java.util.Optional<dev.parapet.spi.Canary>> canary) {
        this.prompts = prompts;
        this.canary = canary;
        this.inventory = inventory;
        this.mode = config.mode();
        this.tier = config.tier();
        this.connectTimeout = config.connectTimeout();
        this.budget = budget;
        this.cache = cache;
        this.executor = executor;
        this.control = control;
    }

    @Override
    public Inventory inventory() {
        return inventory;
    }

    @Override
    public ScanMode mode() {
        return mode;
    }

    @Override
    public ProbeTier tier() {
        return tier;
    }

    @Override
    public boolean has(Identity identity) {
        return executor.credentials().has(identity);
    }

    /**
     * Budget, then the shared cache and executor. When the scan is stopping this throws
     * {@link InterruptedException} instead of handing the check a cancelled exchange it might mistake for an
     * answer about the target (the SPI's contract), and counts it so the engine knows the check was cut short.
     */
    @Override
    public Exchange probe(ProbeRequest request) throws InterruptedException {
        if (Thread.currentThread().isInterrupted() || control.isStopping()) {
            throw stopping();
        }
        HttpRequestRecord asRecord = new HttpRequestRecord(request.method(), request.uri(), request.headers(),
                request.body());
        if (mode == ScanMode.PASSIVE && !plainRequestToKnownEndpoint(request)) {
            return Exchange.failed(asRecord, ExchangeOutcome.OUT_OF_SCOPE, "not sent in passive mode: only plain "
                    + "GET, HEAD and OPTIONS requests to discovered endpoints are", Duration.ZERO);
        }
        if (!budget.tryTake()) {
            return Exchange.failed(asRecord, ExchangeOutcome.BUDGET_EXHAUSTED, "request budget spent", Duration.ZERO);
        }
        Exchange e = cache.get(request, executor::execute);
        if (e.outcome() == ExchangeOutcome.CANCELLED) {
            throw stopping();
        }
        return e;
    }

    /** The {@link PromptGate}'s rules, then this check's budget; a stopping scan throws as {@link #probe} does. */
    @Override
    public Exchange prompt(URI llmEndpoint, String text) throws InterruptedException {
        if (Thread.currentThread().isInterrupted() || control.isStopping()) {
            throw stopping();
        }
        Exchange e = prompts.prompt(llmEndpoint, text, budget);
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
        return plain && (request.uri().equals(inventory.target())
                || inventory.endpoints().stream().anyMatch(ep -> ep.uri().equals(request.uri())));
    }

    private InterruptedException stopping() {
        cutShort.incrementAndGet();
        return new InterruptedException("scan stopping: " + control.reason());
    }

    /** Probes this check asked for after the scan began stopping: non-zero means its run was cut short. */
    int cutShort() {
        return cutShort.get();
    }

    @Override
    public int remainingBudget() {
        return budget.remaining();
    }

    @Override
    public TlsHandshake tlsHandshake(String protocol) throws InterruptedException {
        URI target = inventory.target();
        if (!"https".equalsIgnoreCase(target.getScheme())) {
            return new TlsHandshake(protocol, false, "", List.of(), "target is not HTTPS");
        }
        if (control.isStopping()) {
            throw stopping();
        }
        if (!budget.tryTake()) {
            return new TlsHandshake(protocol, false, "", List.of(), "request budget spent");
        }
        int port = target.getPort() > 0 ? target.getPort() : 443;
        return TlsProber.handshake(target.getHost(), port, protocol, connectTimeout);
    }

    /** None in passive mode: planting a canary URL is a probe payload. */
    @Override
    public java.util.Optional<dev.parapet.spi.Canary> canary() {
        return mode == ScanMode.PASSIVE ? java.util.Optional.empty() : canary.get();
    }

    int used() {
        return budget.used();
    }

    int refused() {
        return budget.refused();
    }
}
