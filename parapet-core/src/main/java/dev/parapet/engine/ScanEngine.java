package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.event.EventBus;
import dev.parapet.event.ScanEvent;
import dev.parapet.http.HttpTransport;
import dev.parapet.http.Redactor;
import dev.parapet.http.TransportSettings;
import dev.parapet.model.AuthSummary;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.SpecSummary;
import dev.parapet.model.Verdict;
import dev.parapet.score.AttackPaths;
import dev.parapet.score.Grading;
import dev.parapet.score.Scoring;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.SpecCoverage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one scan: probe the target, discover, run every selected check in parallel on virtual threads within the
 * time budget, redact and collect findings, score. One instance per scan; {@link #stop(String)} may be called from
 * any thread (for example a Ctrl-C handler) and makes {@link #run} return a report marked incomplete.
 */
public final class ScanEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ScanEngine.class);
    /** Time checks get to notice an interrupt and return after the budget ran out. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * The target could not be reached at all: no check ran. The message is one line, with advice; {@link #report()}
     * is the not-graded report that says so, for the outputs the user asked for.
     */
    public static final class TargetUnreachableException extends Exception {
        private final Exchange exchange;
        private final transient ScanReport report;

        public TargetUnreachableException(String message, Exchange exchange, ScanReport report) {
            super(message);
            this.exchange = exchange;
            this.report = report;
        }

        public Exchange exchange() {
            return exchange;
        }

        public ScanReport report() {
            return report;
        }
    }

    private final String scanId;
    private final ScanConfig config;
    private final List<Check> checks;
    private final EventBus events;
    private final String version;
    private final ScanControl control;
    private final AtomicBoolean stoppingAnnounced = new AtomicBoolean();
    /** Set once, before any check starts; read by the checks' threads afterwards. */
    private volatile InputPlan plan;
    private volatile CoverageLedger ledger;

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

    /** Stops the scan; the first reason wins. Safe from any thread; returns at once. */
    public void stop(String reason) {
        control.stop(reason);
        announceStopping();
    }

    public ScanReport run() throws TargetUnreachableException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        URI target = config.target();
        events.publish(new ScanEvent.ScanStarted(scanId, target, checks.size(), started));
        ScopeGuard scope = new ScopeGuard(target, config.scope());
        try (HttpTransport transport = new HttpTransport(new TransportSettings(config.connectTimeout(),
                config.readTimeout(), config.maxBodyBytes(), config.insecure(), "Parapet/" + version))) {
            CredentialStamp stamp = new CredentialStamp(target, config.identities());
            stamp.resolveCommands();
            RequestExecutor executor = new RequestExecutor(scanId, transport, scope,
                    new HostLimiter(config.rate(), config.concurrency()), control, events, config.mode(),
                    config.maxRedirects(), config.hostErrorBudget(), stamp,
                    config.mode() == dev.parapet.model.ScanMode.ACTIVE && config.allowDelete());
            // Discovery starts no new stage once 40 % of the time budget is spent, so checks keep the rest.
            Discovery discovery = new Discovery(executor, scope, Discovery.Limits.defaults(
                    config.maxDiscoveredEndpoints(), started.plus(config.maxTime().multipliedBy(2).dividedBy(5))),
                    config.seed());
            SpecStage specStage = new SpecStage(executor, scope, SpecStage.installedLoader());
            // the spec the user named is read before anything is scanned: one that cannot be read stops here
            dev.parapet.spi.ApiSpec named = specStage.readNamed(config);
            Exchange first = discovery.probeTarget(target);
            if (!first.answered()) {
                throw new TargetUnreachableException(first.error(), first,
                        unreachableReport(started, t0, first, executor));
            }
            Inventory discovered = discovery.discover(target, first);
            // Documented operations are not limited by --max-endpoints: the spec stage may call up to half of what
            // the scan's request budget leaves after discovery, so the checks keep the other half.
            int specCalls = (int) Math.max(config.maxDiscoveredEndpoints(),
                    (config.requestBudget() - executor.requestsSent()) / 2);
            Inventory inventory = specStage.enrich(discovered, config, specCalls, named);
            SurfaceVocabulary vocabulary = SurfaceVocabulary.get();
            inventory = inventory.withSurface(new SurfaceBuilder(scope, vocabulary).build(inventory));
            events.publish(new ScanEvent.DiscoveryCompleted(scanId, inventory.endpoints().size(),
                    inventory.apiDocuments()));

            ProbeCache cache = new ProbeCache(executor.retained());
            cache.seed(inventory.exchanges());
            PromptGate prompts = new PromptGate(config.mode(), inventory, executor::sendPrompt,
                    java.time.InstantSource.system(), PromptGate.sleeping(java.time.InstantSource.system()));
            AuthSummary auth = new AuthProbe(cache, executor).probe(inventory, stamp);
            if (auth.state() != AuthSummary.State.NONE) {
                events.publish(new ScanEvent.AuthChecked(scanId, auth));
            }
            List<CheckRun> runs = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            SurfaceIndex surfaceIndex = new SurfaceIndex(inventory.surface());
            CoverageLedger ledger = new CoverageLedger(inventory.surface(), surfaceIndex);
            ScanBudget scanBudget = new ScanBudget(config.requestBudget() - executor.requestsSent());
            InputPlan plan = InputPlan.plan(checks, inventory.surface(), config, scanBudget.limit());
            SafeModeGuard guard = new SafeModeGuard(config.mode(), surfaceIndex, new StateChange(vocabulary),
                    inventory.exchanges());
            UndoLedger writes = new UndoLedger(config.mode() == dev.parapet.model.ScanMode.ACTIVE
                    && config.allowDelete(), executor::executeUndo);
            try (ScanCanary canary = new ScanCanary(config)) {
                EngineCheckContext.Shared shared = new EngineCheckContext.Shared(inventory, config, cache, executor,
                        control, prompts, canary::get, scanBudget, guard, ledger, writes);
                Map<Check, EngineCheckContext> contexts = new LinkedHashMap<>();
                for (Check c : checks) {
                    int budget = c.descriptor().requestBudget() + plan.of(c)
                            .map(a -> a.screenPool() + a.confirmPool()).orElse(0);
                    contexts.put(c, new EngineCheckContext(shared, c.descriptor().id(), new ProbeBudget(budget)));
                }
                this.plan = plan;
                this.ledger = ledger;
                // A stop during discovery leaves the checks a part of the surface: none of them can have completed.
                boolean discoveryCut = control.isStopping();
                runChecks(contexts, runs, findings);
                if (discoveryCut) {
                    runs.replaceAll(r -> r.status() == CheckStatus.COMPLETED ? r.withStatus(CheckStatus.PARTIAL,
                            "ran on an unfinished discovery (" + stopReason("the scan was stopped") + ")") : r);
                }
            }
            // whatever stopped the checks, what they changed is taken back before the report is written
            writes.undoRemaining();
            for (dev.parapet.spi.Operation op : inventory.surface().operations()) {
                if (config.mode() == dev.parapet.model.ScanMode.SAFE && op.changesState().isPresent()) {
                    ledger.operationUntested(op, dev.parapet.model.Untested.STATE_CHANGING);
                } else if (config.mode() != dev.parapet.model.ScanMode.ACTIVE && !op.readOnlyMethod()) {
                    ledger.operationUntested(op, dev.parapet.model.Untested.MODE);
                }
            }

            // Complete means every check ran to its own end; a deadline that passes while the report is being
            // built does not make finished work incomplete.
            boolean cutShort = runs.stream().anyMatch(r -> r.status() == CheckStatus.INTERRUPTED);
            String reason = control.stopRequested() || cutShort ? stopReason("a check was interrupted") : "";
            boolean complete = reason.isEmpty();
            executor.outage().ifPresent(o -> findings.add(Redactor.finding(TargetOutageFinding.of(o))));
            ScoreCard score = Scoring.score(findings, runs, config.context());
            Verdict verdict = Grading.verdict(new Grading.Evidence(executor.answers(),
                    executor.outage().map(o -> HostHealth.display(o.lastAnswered())),
                    complete ? Optional.empty() : Optional.of(stoppedBy(executor)), reason,
                    !inventory.apiDocuments().isEmpty() || inventory.spec().present(), runs));
            ScanReport report = new ScanReport(ScanReport.SCHEMA_VERSION, scanId, version, target.toString(),
                    config.mode(), config.context(), started, Duration.ofNanos(System.nanoTime() - t0), complete,
                    reason, score, findings, AttackPaths.build(findings), runs, inventory.endpoints(),
                    inventory.apiDocuments().stream().map(URI::toString).toList(),
                    executor.stats(cache.shared(), inventory.endpoints().size()), specSummary(inventory),
                    withFinalCount(auth, stamp), ledger.build(), writes.build(), verdict);
            events.publish(new ScanEvent.ScanCompleted(scanId, report));
            return report;
        }
    }

    /**
     * The report of a scan whose first request went unanswered: not graded, every check not run, no findings, the
     * failed request's error as the reason.
     */
    private ScanReport unreachableReport(Instant started, long t0, Exchange first, RequestExecutor executor) {
        String why = "the target did not answer the first request (" + first.request().method() + " "
                + first.request().uri() + "): " + first.error();
        List<CheckRun> runs = checks.stream().map(c -> new CheckRun(c.descriptor().id(), c.descriptor().category(),
                CheckStatus.SKIPPED, "not run: " + why, 0, 0, 0, Duration.ZERO)).toList();
        Verdict verdict = Verdict.notGraded(Verdict.Reason.UNREACHABLE, why,
                "check the URL and that the API is running, or raise --connect-timeout / --read-timeout");
        return new ScanReport(ScanReport.SCHEMA_VERSION, scanId, version, config.target().toString(), config.mode(),
                config.context(), started, Duration.ofNanos(System.nanoTime() - t0), false, why,
                Scoring.score(List.of(), runs, config.context()), List.of(), List.of(), runs, List.of(), List.of(),
                executor.stats(0, 0), SpecSummary.NONE, AuthSummary.NONE, dev.parapet.model.Coverage.NONE,
                List.of(), verdict);
    }

    /** Why an incomplete scan stopped, as a not-graded reason. */
    private Verdict.Reason stoppedBy(RequestExecutor executor) {
        return switch (control.cause().orElse(ScanControl.StopCause.TIME_BUDGET)) {
            case USER -> Verdict.Reason.STOPPED_BY_USER;
            case TIME_BUDGET -> Verdict.Reason.TIME_BUDGET;
            case TARGET_DOWN -> executor.outage().isPresent() ? Verdict.Reason.TARGET_DIED : Verdict.Reason.STOPPED;
        };
    }

    private static SpecSummary specSummary(Inventory inventory) {
        if (inventory.spec().source().isEmpty()) {
            return SpecSummary.NONE;
        }
        SpecCoverage c = SpecCoverage.of(inventory);
        return new SpecSummary(c.source(), c.version(), c.documented(), c.discovered(), c.tested(),
                c.skippedOperations(), c.warnings().stream()
                .map(w -> (w.pointer().isEmpty() ? "/" : w.pointer()) + ": " + w.message()).toList());
    }

    /** The probe's verdict with every authenticated request of the scan counted, checks' included. */
    private static AuthSummary withFinalCount(AuthSummary auth, CredentialStamp stamp) {
        if (auth.state() == AuthSummary.State.NONE) {
            return auth;
        }
        return new AuthSummary(auth.state(), auth.identities(), stamp.authenticatedRequests(), auth.detail());
    }

    /** One check's run in progress: where its findings go, the thread to interrupt, and who reports its end. */
    private static final class Running {
        final Check check;
        final EngineCheckContext ctx;
        final List<Finding> sink = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean reported = new AtomicBoolean();
        volatile Thread thread;
        CompletableFuture<CheckRun> result;

        Running(Check check, EngineCheckContext ctx) {
            this.check = check;
            this.ctx = ctx;
        }
    }

    /**
     * Runs every check on its own virtual thread and waits until all are done, the scan is stopped, or the time
     * budget runs out. On a stop, running checks are interrupted and get {@link #GRACE} to return; a check still
     * running after that is recorded as interrupted and abandoned (its late result is dropped). Each check's
     * {@link ScanEvent.CheckCompleted} is published exactly once, by whichever side finishes it first.
     */
    private void runChecks(Map<Check, EngineCheckContext> contexts, List<CheckRun> runs, List<Finding> findings)
            throws InterruptedException {
        List<Running> running = new ArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (var entry : contexts.entrySet()) {
                Running r = new Running(entry.getKey(), entry.getValue());
                r.result = CompletableFuture.supplyAsync(() -> runOne(r), pool);
                running.add(r);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(
                    running.stream().map(r -> r.result).toArray(CompletableFuture[]::new));
            long waitMillis = Math.max(0, Duration.between(Instant.now(), control.deadline()).toMillis());
            try {
                CompletableFuture.anyOf(all, control.stoppedSignal()).get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Duration max = config.maxTime();
                control.stop(ScanControl.StopCause.TIME_BUDGET, "time budget of " + (max.toMillis() % 1000 == 0 ? max.toSeconds() + " s"
                        : max.toMillis() + " ms") + " exhausted");
            } catch (ExecutionException e) {
                LOG.debug("a check failed outside its own error handling", e);
            }
            if (!all.isDone()) {
                announceStopping();
                running.forEach(r -> {
                    Thread t = r.thread;
                    if (t != null) {
                        t.interrupt();
                    }
                });
                try {
                    all.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException ignored) {
                    // checks that ignore interrupts are abandoned below; their results are dropped
                }
            }
            for (Running r : running) {
                CheckDescriptor d = r.check.descriptor();
                CheckRun run;
                if (r.result.isDone() && !r.result.isCompletedExceptionally()) {
                    run = r.result.join();
                } else if (r.result.isDone()) {
                    Throwable cause = r.result.exceptionNow();
                    run = new CheckRun(d.id(), d.category(), CheckStatus.ERRORED, "check failed: " + cause, 0,
                            r.ctx.used(), r.ctx.refused(), Duration.ZERO, r.ctx.budget().limit(), 0, 0);
                    publishOnce(r, run);
                } else {
                    run = new CheckRun(d.id(), d.category(), CheckStatus.INTERRUPTED,
                            stopReason("did not return after being interrupted"), 0, r.ctx.used(), r.ctx.refused(),
                            Duration.ZERO, r.ctx.budget().limit(), 0, 0);
                    publishOnce(r, run);
                }
                runs.add(run);
                if (counts(run.status())) {
                    findings.addAll(r.sink);
                }
            }
        } finally {
            // Never wait here: a check that ignores interrupts must not hold the report hostage.
            pool.shutdownNow();
        }
    }

    private CheckRun runOne(Running r) {
        r.thread = Thread.currentThread();
        if (control.isStopping()) {
            // The interrupt sweep may have run before this thread registered itself.
            Thread.currentThread().interrupt();
        }
        CheckDescriptor d = r.check.descriptor();
        EngineCheckContext ctx = r.ctx;
        events.publish(new ScanEvent.CheckStarted(scanId, d.id()));
        long t0 = System.nanoTime();
        List<Finding> accepted = new ArrayList<>();
        CheckRun run;
        try {
            if (r.check instanceof dev.parapet.spi.InputCheck<?> input) {
                InputCheckRun.Outcome outcome = InputCheckRun.run(input, ctx, plan.of(input).orElseThrow(), ledger,
                        Math.max(2, Math.min(16, config.concurrency())), control);
                accepted.addAll(accept(d, outcome.findings()));
                run = outcome.run();
            } else {
                CheckOutcome outcome = r.check.run(ctx);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                int budget = d.requestBudget();
                run = switch (outcome) {
                    case CheckOutcome.Findings(List<Finding> list) -> {
                        accepted.addAll(accept(d, list));
                        if (r.check.readsRecordedAnswers()) {
                            ledger.judged(d.id(), ctx.inventory().exchanges());
                        }
                        yield new CheckRun(d.id(), d.category(), CheckStatus.COMPLETED, "", accepted.size(),
                                ctx.used(), ctx.refused(), elapsed, budget, 0, 0);
                    }
                    case CheckOutcome.NotApplicable(String reason) -> new CheckRun(d.id(), d.category(),
                            CheckStatus.NOT_APPLICABLE, reason, 0, ctx.used(), ctx.refused(), elapsed, budget, 0, 0);
                    case CheckOutcome.Errored(String reason, Throwable cause) -> {
                        LOG.warn("check {} errored: {}", d.id(), reason, cause);
                        yield new CheckRun(d.id(), d.category(), CheckStatus.ERRORED, reason, 0, ctx.used(),
                                ctx.refused(), elapsed, budget, 0, 0);
                    }
                };
            }
        } catch (InterruptedException e) {
            run = new CheckRun(d.id(), d.category(), CheckStatus.INTERRUPTED, stopReason("interrupted"), 0,
                    ctx.used(), ctx.refused(), Duration.ofNanos(System.nanoTime() - t0), ctx.budget().limit(), 0, 0);
        } catch (RuntimeException e) {
            LOG.warn("check {} failed", d.id(), e);
            run = new CheckRun(d.id(), d.category(), CheckStatus.ERRORED, "check failed: " + e,
                    0, ctx.used(), ctx.refused(), Duration.ofNanos(System.nanoTime() - t0), ctx.budget().limit(), 0,
                    0);
        }
        if (run.status() != CheckStatus.INTERRUPTED && run.status() != CheckStatus.ERRORED
                && run.status() != CheckStatus.PARTIAL && ctx.cutShort() > 0 && accepted.isEmpty()) {
            // The check swallowed the interrupt of a stopping scan and returned: its "nothing found" (or "not
            // applicable") rests on probes that were never sent, so it is not a result.
            run = run.withStatus(CheckStatus.INTERRUPTED, stopReason("interrupted"));
        }
        if (counts(run.status())) {
            r.sink.addAll(accepted);
        }
        publishOnce(r, run);
        return run;
    }

    /** Whether a run's findings count: it completed, or tested part of what it applies to. */
    private static boolean counts(CheckStatus status) {
        return status == CheckStatus.COMPLETED || status == CheckStatus.PARTIAL;
    }

    /**
     * Characters kept of each body of a finding's exchanges: enough to show the defect (the evidence, kept
     * apart, names what was found), and small enough that thousands of findings fit in a small heap even when
     * every character is a NUL that JSON writes as six.
     */
    static final int FINDING_BODY_CHARS = 4 << 10;
    /** Characters kept of a finding's evidence. */
    static final int FINDING_EVIDENCE_CHARS = 8 << 10;

    /**
     * The check's findings, each checked to carry its id and category, cut to bounded windows (so a scan's
     * findings and its report stay bounded whatever the target answered, and redaction reads little), redacted,
     * once per fingerprint.
     */
    private static List<Finding> accept(CheckDescriptor d, List<Finding> list) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding f : list) {
            if (!f.checkId().equals(d.id()) || f.category() != d.category()) {
                throw new IllegalStateException("finding '" + f.title() + "' does not carry the id and "
                        + "category of check " + d.id());
            }
            if (!unique.containsKey(f.fingerprint())) {
                unique.put(f.fingerprint(), Redactor.finding(
                        f.withBoundedWindows(FINDING_BODY_CHARS, FINDING_EVIDENCE_CHARS)));
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** Publishes a check's end (and its findings) unless the engine already reported it as abandoned. */
    private void publishOnce(Running r, CheckRun run) {
        if (!r.reported.compareAndSet(false, true)) {
            return;
        }
        events.publish(new ScanEvent.CheckCompleted(scanId, run));
        if (counts(run.status())) {
            r.sink.forEach(f -> events.publish(new ScanEvent.FindingReported(scanId, f)));
        }
    }

    private String stopReason(String fallback) {
        String reason = control.reason();
        return reason.isEmpty() ? fallback : reason;
    }

    private void announceStopping() {
        if (stoppingAnnounced.compareAndSet(false, true)) {
            events.publish(new ScanEvent.ScanStopping(scanId, control.reason()));
        }
    }
}
