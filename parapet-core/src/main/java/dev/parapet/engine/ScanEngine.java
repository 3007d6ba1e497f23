package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.event.EventBus;
import dev.parapet.event.ScanEvent;
import dev.parapet.http.HttpTransport;
import dev.parapet.http.Redactor;
import dev.parapet.http.TransportSettings;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScoreCard;
import dev.parapet.score.AttackPaths;
import dev.parapet.score.Scoring;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one scan: probe the target, discover, run every selected check in parallel on virtual threads within the
 * time budget, redact and collect findings, score. One instance per scan; {@link #stop(String)} may be called from
 * any thread (for example a Ctrl-C handler) and makes {@link #run} return a report marked incomplete.
 */
public final class ScanEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ScanEngine.class);
    /** Time checks get to notice an interrupt and return after the budget ran out. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /** The target could not be reached at all: no check ran. The message is one line, with advice. */
    public static final class TargetUnreachableException extends Exception {
        private final Exchange exchange;

        public TargetUnreachableException(String message, Exchange exchange) {
            super(message);
            this.exchange = exchange;
        }

        public Exchange exchange() {
            return exchange;
        }
    }

    private final String scanId;
    private final ScanConfig config;
    private final List<Check> checks;
    private final EventBus events;
    private final String version;
    private final ScanControl control;

    public ScanEngine(String scanId, ScanConfig config, List<Check> checks, EventBus events, String version) {
        this.scanId = scanId;
        this.config = config;
        this.checks = List.copyOf(checks);
        this.events = events;
        this.version = version;
        this.control = new ScanControl(Instant.now().plus(config.maxTime()));
    }

    public String scanId() {
        return scanId;
    }

    public void stop(String reason) {
        control.stop(reason);
        events.publish(new ScanEvent.ScanStopping(scanId, reason));
    }

    public ScanReport run() throws TargetUnreachableException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        URI target = config.target();
        events.publish(new ScanEvent.ScanStarted(scanId, target, checks.size(), started));
        ScopeGuard scope = new ScopeGuard(target, config.scope());
        try (HttpTransport transport = new HttpTransport(new TransportSettings(config.connectTimeout(),
                config.readTimeout(), config.maxBodyBytes(), config.insecure(), "Parapet/" + version))) {
            RequestExecutor executor = new RequestExecutor(scanId, transport, scope,
                    new HostLimiter(config.rate(), config.concurrency()), control, events, config.mode(),
                    config.maxRedirects(), config.hostErrorBudget());
            Discovery discovery = new Discovery(executor, scope, config.maxDiscoveredEndpoints());
            Exchange first = discovery.probeTarget(target);
            if (!first.answered()) {
                throw new TargetUnreachableException(first.error(), first);
            }
            Inventory inventory = discovery.discover(target, first);
            events.publish(new ScanEvent.DiscoveryCompleted(scanId, inventory.endpoints().size(),
                    inventory.apiDocuments()));

            ProbeCache cache = new ProbeCache();
            Map<Check, EngineCheckContext> contexts = new LinkedHashMap<>();
            for (Check c : checks) {
                contexts.put(c, new EngineCheckContext(inventory, config.mode(),
                        new ProbeBudget(c.descriptor().requestBudget()), cache, executor, control,
                        config.connectTimeout()));
            }
            List<CheckRun> runs = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            runChecks(contexts, runs, findings);

            String reason = control.reason();
            boolean complete = reason.isEmpty();
            ScoreCard score = Scoring.score(findings, runs, config.context());
            ScanReport report = new ScanReport(ScanReport.SCHEMA_VERSION, scanId, version, target.toString(),
                    config.mode(), config.context(), started, Duration.ofNanos(System.nanoTime() - t0), complete,
                    reason, score, findings, AttackPaths.build(findings), runs, inventory.endpoints(),
                    inventory.apiDocuments().stream().map(URI::toString).toList(),
                    executor.stats(cache.shared(), inventory.endpoints().size()));
            events.publish(new ScanEvent.ScanCompleted(scanId, report));
            return report;
        }
    }

    private void runChecks(Map<Check, EngineCheckContext> contexts, List<CheckRun> runs, List<Finding> findings)
            throws InterruptedException {
        Map<Check, Future<CheckRun>> futures = new LinkedHashMap<>();
        Map<Check, List<Finding>> found = new LinkedHashMap<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (var entry : contexts.entrySet()) {
                Check check = entry.getKey();
                List<Finding> sink = new ArrayList<>();
                found.put(check, sink);
                futures.put(check, pool.submit(() -> runOne(check, entry.getValue(), sink)));
            }
            CompletableFuture<Void> all = CompletableFuture.runAsync(() -> {
                for (Future<CheckRun> f : futures.values()) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                        // recorded per check below
                    }
                }
            }, pool);
            long waitMillis = Math.max(0, Duration.between(Instant.now(), control.deadline()).toMillis());
            try {
                CompletableFuture.anyOf(all, control.stoppedSignal()).get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                control.stop("time budget of " + config.maxTime().toSeconds() + " s exhausted");
            } catch (ExecutionException e) {
                LOG.debug("waiting for checks failed", e);
            }
            if (!all.isDone()) {
                events.publish(new ScanEvent.ScanStopping(scanId, control.reason()));
                futures.values().forEach(f -> f.cancel(true));
                try {
                    all.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException | java.util.concurrent.CancellationException ignored) {
                    // checks that ignore interrupts are abandoned; their results are dropped
                }
            }
            for (var entry : futures.entrySet()) {
                Check check = entry.getKey();
                CheckDescriptor d = check.descriptor();
                CheckRun run;
                Future<CheckRun> f = entry.getValue();
                if (f.isDone() && !f.isCancelled()) {
                    try {
                        run = f.get();
                    } catch (ExecutionException e) {
                        run = new CheckRun(d.id(), d.category(), CheckStatus.ERRORED, e.getCause().toString(), 0,
                                contexts.get(check).used(), contexts.get(check).refused(), Duration.ZERO);
                    }
                } else {
                    run = new CheckRun(d.id(), d.category(), CheckStatus.INTERRUPTED, control.reason(), 0,
                            contexts.get(check).used(), contexts.get(check).refused(), Duration.ZERO);
                    events.publish(new ScanEvent.CheckCompleted(scanId, run));
                }
                runs.add(run);
                if (run.status() == CheckStatus.COMPLETED) {
                    findings.addAll(found.get(check));
                }
            }
        } finally {
            // Never wait here: a check that ignores interrupts must not hold the report hostage.
            pool.shutdownNow();
        }
    }

    private CheckRun runOne(Check check, EngineCheckContext ctx, List<Finding> sink) {
        CheckDescriptor d = check.descriptor();
        events.publish(new ScanEvent.CheckStarted(scanId, d.id()));
        long t0 = System.nanoTime();
        CheckRun run;
        try {
            CheckOutcome outcome = check.run(ctx);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            run = switch (outcome) {
                case CheckOutcome.Findings(List<Finding> list) -> {
                    Map<String, Finding> unique = new LinkedHashMap<>();
                    for (Finding f : list) {
                        if (!f.checkId().equals(d.id()) || f.category() != d.category()) {
                            throw new IllegalStateException("finding '" + f.title() + "' does not carry the id and "
                                    + "category of check " + d.id());
                        }
                        unique.putIfAbsent(f.fingerprint(), Redactor.finding(f));
                    }
                    sink.addAll(unique.values());
                    yield new CheckRun(d.id(), d.category(), CheckStatus.COMPLETED, "", unique.size(), ctx.used(), ctx.refused(),
                            elapsed);
                }
                case CheckOutcome.NotApplicable(String reason) ->
                        new CheckRun(d.id(), d.category(), CheckStatus.NOT_APPLICABLE, reason, 0, ctx.used(), ctx.refused(), elapsed);
                case CheckOutcome.Errored(String reason, Throwable cause) -> {
                    LOG.warn("check {} errored: {}", d.id(), reason, cause);
                    yield new CheckRun(d.id(), d.category(), CheckStatus.ERRORED, reason, 0, ctx.used(), ctx.refused(), elapsed);
                }
            };
        } catch (InterruptedException e) {
            run = new CheckRun(d.id(), d.category(), CheckStatus.INTERRUPTED,
                    control.reason().isEmpty() ? "interrupted" : control.reason(), 0, ctx.used(), ctx.refused(),
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            LOG.warn("check {} failed", d.id(), e);
            run = new CheckRun(d.id(), d.category(), CheckStatus.ERRORED, "check failed: " + e,
                    0, ctx.used(), ctx.refused(), Duration.ofNanos(System.nanoTime() - t0));
        }
        if (control.isStopping() && run.status() == CheckStatus.COMPLETED && run.requests() > 0
                && sink.isEmpty() && ctx.remainingBudget() >= 0 && !control.reason().isEmpty()) {
            // A check that completed while the scan was stopping may have had probes cancelled; say so.
            run = new CheckRun(run.checkId(), run.category(), CheckStatus.INTERRUPTED, control.reason(), 0,
                    run.requests(), run.refusedOverBudget(), run.elapsed());
        }
        events.publish(new ScanEvent.CheckCompleted(scanId, run));
        if (run.status() == CheckStatus.COMPLETED) {
            sink.forEach(f -> events.publish(new ScanEvent.FindingReported(scanId, f)));
        }
        return run;
    }
}
