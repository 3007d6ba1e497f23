package dev.parapet.engine;

import dev.parapet.model.Finding;
import dev.parapet.model.Untested;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one input check over its planned points: a few worker virtual threads take points in the plan's order;
 * each point is screened with a budget of the check's screen cost and, when the screen shows a signal, confirmed
 * at once with a budget of its confirm cost, drawn from the check's confirmation pool (so which signals are
 * confirmed is the plan's order whenever the pool suffices, and bounded always). Every point ends tested, or
 * untested with the reason, in the {@link CoverageLedger}. A point counts as tested only when its screen got at
 * least one answer and no probe of it was refused for budget.
 */
final class InputRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InputRunner.class);

    /** What became of a check's points. */
    record Result(List<Finding> findings, int tested, int signals, int unconfirmed, int untested,
                  Optional<Untested> firstReason, String firstError) {
    }

    private final EngineCheckContext ctx;
    private final CoverageLedger ledger;
    private final int parallelism;

    InputRunner(EngineCheckContext ctx, CoverageLedger ledger, int parallelism) {
        this.ctx = ctx;
        this.ledger = ledger;
        this.parallelism = Math.max(1, parallelism);
    }

    <S> Result run(InputCheck<S> check, InputPlan.Allotment plan) throws InterruptedException {
        List<InputPoint> points = plan.points();
        String id = check.descriptor().id();
        points.forEach(p -> ledger.planned(id, p, Untested.TIME));
        plan.excluded().forEach(x -> ledger.planned(id, x.point(), x.reason()));
        ProbeBudget screens = ctx.budget().child(plan.screenPool());
        ProbeBudget confirms = ctx.budget().child(plan.confirmPool());
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger tested = new AtomicInteger();
        AtomicInteger signals = new AtomicInteger();
        AtomicInteger unconfirmed = new AtomicInteger();
        AtomicInteger untested = new AtomicInteger();
        List<Untested> reasons = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        int workers = Math.min(parallelism, Math.max(1, points.size()));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < points.size(); i = next.getAndIncrement()) {
                        InputPoint p = points.get(i);
                        Untested why = one(check, p, screens, confirms, findings, signals, unconfirmed, errors);
                        if (why == null) {
                            tested.incrementAndGet();
                            ledger.tested(id, p);
                        } else {
                            untested.incrementAndGet();
                            reasons.add(why);
                            ledger.untested(id, p, why);
                            if (why == Untested.TIME) {
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("input worker failed inside Parapet", e.getCause());
                }
            }
        }
        int notReached = Math.max(0, points.size() - next.get());
        if (notReached > 0) {
            untested.addAndGet(notReached);
            reasons.add(Untested.TIME);
        }
        Optional<Untested> first = reasons.stream().min(Enum::compareTo);
        return new Result(List.copyOf(findings), tested.get(), signals.get(), unconfirmed.get(), untested.get(), first,
                errors.isEmpty() ? "" : errors.getFirst());
    }

    /** Screens and, on a signal, confirms one point; null when it was tested, else why not. */
    private <S> Untested one(InputCheck<S> check, InputPoint p, ProbeBudget screens, ProbeBudget confirms,
                             List<Finding> findings, AtomicInteger signals, AtomicInteger unconfirmed,
                             List<String> errors) {
        EngineCheckContext screenCtx = ctx.withBudget(screens.child(Math.max(1, check.screenCost())));
        try {
            Optional<S> signal = check.screen(screenCtx, p);
            if (screenCtx.overScanBudget() > 0) {
                return Untested.BUDGET;
            }
            if (screenCtx.answered() == 0 && screenCtx.unanswered() > 0) {
                return Untested.UNANSWERED;
            }
            if (signal.isPresent()) {
                signals.incrementAndGet();
                EngineCheckContext confirmCtx = ctx.withBudget(confirms.child(Math.max(0, check.confirmCost())));
                if (confirmCtx.remainingBudget() <= 0 && check.confirmCost() > 0) {
                    unconfirmed.incrementAndGet();
                    return Untested.BUDGET;
                }
                findings.addAll(check.confirm(confirmCtx, p, signal.get()));
                if (confirmCtx.overScanBudget() > 0) {
                    unconfirmed.incrementAndGet();
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Untested.TIME;
        } catch (RuntimeException e) {
            LOG.warn("check {} failed on {}", check.descriptor().id(), p.key(), e);
            errors.add(p.key() + ": " + e);
            return Untested.ERRORED;
        }
    }
}
