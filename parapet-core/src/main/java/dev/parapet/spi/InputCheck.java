package dev.parapet.spi;

import dev.parapet.model.Finding;

import java.util.List;
import java.util.Optional;

/**
 * A check that tests inputs. It does not choose its own candidates: the engine hands it every input point of the
 * scan's {@link Surface} it {@linkplain #appliesTo applies to}, in the planner's order (round-robin across
 * operations, fixed for a given seed), under a budget that grows with the number of those points. Each point is
 * first {@linkplain #screen screened} with the cheapest discriminating probes; only a point whose screen showed a
 * signal is {@linkplain #confirm confirmed} with deeper ones. The engine records which points were tested and which
 * were not, and why (budget, time, mode), and reports the check {@code partial} unless it tested every point.
 *
 * <p>Screens and confirmations of different points may run at the same time on different threads, each with a
 * context whose budget is that step's cost ({@link #screenCost()}, {@link #confirmCost()}); a probe beyond it is
 * refused. Implementations are stateless and thread-safe, like every {@link Check}.
 *
 * <p>{@link #run} still runs first, with the descriptor's request budget, for work that is not about one input
 * (none by default); {@link #notApplicable} tells the engine when the check cannot test anything in this scan.
 *
 * @param <S> what a screen hands its confirmation (the baseline it compared with, the spelling that worked…)
 */
public interface InputCheck<S> extends Check {

    /** Whether this check tests {@code point}. Pure and cheap: called once per point per scan. */
    boolean appliesTo(InputPoint point);

    /** The most probes one screen sends. At least 1. */
    int screenCost();

    /** The most probes one confirmation sends. */
    int confirmCost();

    /**
     * The cheap discriminating probes for one point: a signal worth confirming, or empty when the point showed
     * nothing. Never a finding by itself.
     *
     * @throws InterruptedException when the scan is being stopped
     */
    Optional<S> screen(CheckContext ctx, InputPoint point) throws InterruptedException;

    /**
     * The deeper probes where {@code signal} appeared: the findings (possibly none, when confirmation failed).
     *
     * @throws InterruptedException when the scan is being stopped
     */
    List<Finding> confirm(CheckContext ctx, InputPoint point, S signal) throws InterruptedException;

    /** Why the check tests nothing in this scan (the mode, a missing canary…), or empty. Sends nothing. */
    default Optional<String> notApplicable(CheckContext ctx) {
        return Optional.empty();
    }

    /** Work that is not about one input point, before any screen; nothing by default. */
    @Override
    default CheckOutcome run(CheckContext ctx) throws InterruptedException {
        return CheckOutcome.none();
    }
}
