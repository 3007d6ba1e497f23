package dev.parapet.checks.support;

import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Canary;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.ProbeRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One round of out-of-band probes for a check: a fresh canary token per subject (a parameter, a registration),
 * planted by one probe each through {@link CheckContext#probe}, then a single wait shared by all tokens for the
 * target's requests to the canary. Probes stop when the check's budget is spent. Not thread-safe; one per run.
 *
 * @param <T> what a token is planted in
 */
public final class CanaryRound<T> {

    /** A planted token: the subject, its token and the target's answer to the probe that carried it. */
    public record Planted<T>(T subject, CanaryToken token, Exchange probe) {
    }

    /** A planted token the target requested from the canary. */
    public record Called<T>(Planted<T> planted, List<CanaryHit> hits) {
    }

    private final CheckContext ctx;
    private final Canary canary;
    private final List<Planted<T>> planted = new ArrayList<>();

    private CanaryRound(CheckContext ctx, Canary canary) {
        this.ctx = ctx;
        this.canary = canary;
    }

    /**
     * Why no canary URL may be planted in this scan (a passive scan sends no payloads; a public target without
     * {@code --oob-url} has no canary it can reach), or empty when a round can start.
     */
    public static Optional<String> unavailable(CheckContext ctx) {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return Optional.of("a passive scan plants no canary URLs");
        }
        return ctx.canary().isPresent() ? Optional.empty()
                : Optional.of("no out-of-band canary: the target is public and no --oob-url was given");
    }

    /** A round on the scan's canary; call only when {@link #unavailable} is empty. */
    public static <T> CanaryRound<T> start(CheckContext ctx) {
        return new CanaryRound<>(ctx, ctx.canary().orElseThrow());
    }

    /**
     * Mints a token for each subject ({@code purpose} names it in the canary's log) and sends the probe
     * {@code probeFor} builds around the token's URL, until the budget is spent.
     */
    public void plant(List<T> subjects, Function<T, String> purpose,
                      BiFunction<T, String, ProbeRequest> probeFor) throws InterruptedException {
        for (T subject : subjects) {
            if (ctx.remainingBudget() <= 0) {
                return;
            }
            CanaryToken token = canary.mint(purpose.apply(subject));
            planted.add(new Planted<>(subject, token, ctx.probe(probeFor.apply(subject, token.url().toString()))));
        }
    }

    /** Every token planted so far, in planting order. */
    public List<Planted<T>> planted() {
        return List.copyOf(planted);
    }

    /**
     * The planted tokens that pass {@code worthWaiting} and that the target requested, waiting at most
     * {@code wait} for all of them together (fetchers usually call at once).
     */
    public List<Called<T>> called(Duration wait, Predicate<Planted<T>> worthWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Called<T>> out = new ArrayList<>();
        for (Planted<T> p : planted) {
            if (!worthWaiting.test(p)) {
                continue;
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            List<CanaryHit> hits = canary.awaitHits(p.token(), left);
            if (!hits.isEmpty()) {
                out.add(new Called<>(p, hits));
            }
        }
        return out;
    }
}
