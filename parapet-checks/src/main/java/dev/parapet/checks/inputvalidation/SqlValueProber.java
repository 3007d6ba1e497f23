package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.SqlValueProbes.BooleanContext;
import dev.parapet.checks.inputvalidation.SqlValueProbes.Context;
import dev.parapet.checks.inputvalidation.SqlValueProbes.Delay;
import dev.parapet.checks.inputvalidation.SqlValueProbes.Pair;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.InputPoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The probes of {@link SqlValueInjectionCheck} for one input point, each value sent through a
 * {@link WriteAwareProbe} (so a body write is recorded and undone) as the original value with a suffix appended.
 * Judges three proofs, each against a control, never by status alone: an error text the quote causes that the
 * baseline and the balanced control lack; true and false conditions that answer like the original and unlike it,
 * twice with different constants while the original answers the same twice; a bounded delay that the same
 * expression without delay does not cause, twice. Stateless apart from the point it is made for; one instance per
 * step, used by one thread.
 */
final class SqlValueProber {

    /** An answer and the value that got it. */
    record Sent(String value, Exchange exchange) {
    }

    /** The quote's answer carried {@code errors}, which neither the baseline nor {@code control} carried. */
    record ErrorProof(Sent quote, Sent control, List<SqlErrorTexts.Match> errors) {
    }

    /** A condition pair that held twice; {@code truthy} and {@code falsy} are the first pair's answers. */
    record BooleanProof(Context context, Sent truthy, Sent falsy, Sent repeatTruthy, Sent repeatFalsy) {
    }

    /** The answers to one condition pair. */
    record PairAnswers(Sent truthy, Sent falsy) {
    }

    /** A delay that took, twice, against the same expression with none. */
    record DelayProof(Delay delay, Sent slow, Sent control, Sent slower) {
    }

    private final SqlValueProbes probes;
    private final SqlErrorTexts texts;
    private final CheckContext ctx;
    private final InputPoint point;
    private final WriteAwareProbe probe;
    private final String original;

    SqlValueProber(SqlValueProbes probes, SqlErrorTexts texts, CheckContext ctx, InputPoint point,
                   WriteAwareProbe probe) {
        this.probes = probes;
        this.texts = texts;
        this.ctx = ctx;
        this.point = point;
        this.probe = probe;
        this.original = point.value();
    }

    boolean numeric() {
        return SqlValueProbes.numeric(original);
    }

    /** Sends the original value with {@code suffix}; empty when the budget is spent or nothing answered. */
    Optional<Sent> send(String suffix) throws InterruptedException {
        if (ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        String value = original + suffix;
        Exchange e = probe.send(ctx, value);
        return e.answered() ? Optional.of(new Sent(value, e)) : Optional.empty();
    }

    /** The original again, never from the probe cache: the stability control. */
    Optional<Sent> again() throws InterruptedException {
        return fresh("");
    }

    /** The controls for this value; each answered one. */
    List<Sent> controls() throws InterruptedException {
        List<Sent> out = new ArrayList<>();
        for (SqlValueProbes.Control c : probes.controlsFor(numeric())) {
            send(c.suffix()).ifPresent(out::add);
        }
        return out;
    }

    /** An error the quote caused: fresh against the baseline and absent from at least one control. */
    Optional<ErrorProof> error(Sent baseline, Sent quote, List<Sent> controls) {
        List<SqlErrorTexts.Match> fresh = texts.freshIn(quote.exchange().body(), List.of(baseline.exchange().body()));
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        for (Sent c : controls) {
            List<SqlErrorTexts.Match> left = texts.freshIn(quote.exchange().body(),
                    List.of(baseline.exchange().body(), c.exchange().body()));
            if (!left.isEmpty()) {
                return Optional.of(new ErrorProof(quote, c, left));
            }
        }
        return Optional.empty();
    }

    /** Whether the quote answered unlike every balanced control: something parsed it. */
    boolean quoteBreaks(Sent quote, List<Sent> controls) {
        return !controls.isEmpty() && controls.stream().noneMatch(c -> alike(quote, c));
    }

    /** A pair's answers when the truthy one is the original's and the falsy one not. */
    Optional<PairAnswers> pair(Sent baseline, Pair pair) throws InterruptedException {
        Optional<Sent> truthy = send(pair.truthy());
        if (truthy.isEmpty() || !alike(truthy.get(), baseline)) {
            return Optional.empty();
        }
        Optional<Sent> falsy = send(pair.falsy());
        return falsy.isPresent() && !alike(falsy.get(), baseline) && !alike(falsy.get(), truthy.get())
                ? Optional.of(new PairAnswers(truthy.get(), falsy.get())) : Optional.empty();
    }

    /** The boolean proof in {@code context}, reusing a first pair the screen already saw. */
    Optional<BooleanProof> booleans(Sent baseline, BooleanContext context, Optional<PairAnswers> screened)
            throws InterruptedException {
        Optional<PairAnswers> first = screened.isPresent() ? screened : pair(baseline, context.pairs().getFirst());
        if (first.isEmpty() || context.pairs().size() < 2) {
            return Optional.empty();
        }
        Optional<PairAnswers> repeat = pair(baseline, context.pairs().get(1));
        return repeat.map(r -> new BooleanProof(context.context(), first.get().truthy(), first.get().falsy(), r.truthy(),
                r.falsy()));
    }

    /** A delay that took twice (2 s, then 3 s) while the same expression without one answered at once, twice. */
    Optional<DelayProof> delay(Delay d) throws InterruptedException {
        Optional<Sent> control = send(d.lasting(0));
        if (control.isEmpty()) {
            return Optional.empty();
        }
        Optional<Sent> slow = send(d.lasting(2));
        if (slow.isEmpty() || !tookAtLeast(slow.get(), control.get(), 2)) {
            return Optional.empty();
        }
        Optional<Sent> slower = send(d.lasting(SqlValueProbes.MAX_DELAY_SECONDS));
        Optional<Sent> controlAgain = slower.isPresent() && tookAtLeast(slower.get(), control.get(),
                SqlValueProbes.MAX_DELAY_SECONDS) ? fresh(d.lasting(0)) : Optional.empty();
        return controlAgain.filter(c -> tookAtLeast(slower.get(), c, SqlValueProbes.MAX_DELAY_SECONDS))
                .map(c -> new DelayProof(d, slow.get(), control.get(), slower.get()));
    }

    /** The original with {@code suffix}, never from the probe cache (a body is sent anew anyway). */
    private Optional<Sent> fresh(String suffix) throws InterruptedException {
        if (ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        String value = original + suffix;
        Exchange e = point.location().inBody() || !point.operation().readOnlyMethod() ? probe.send(ctx, value)
                : ctx.probeFresh(point.withValue(value));
        return e.answered() ? Optional.of(new Sent(value, e)) : Optional.empty();
    }

    /** At least 90 % of {@code seconds}, and that much more than the control took less a tenth. */
    private static boolean tookAtLeast(Sent slow, Sent control, int seconds) {
        Duration wanted = Duration.ofMillis(seconds * 900L);
        return slow.exchange().elapsed().compareTo(wanted) >= 0
                && slow.exchange().elapsed().minus(control.exchange().elapsed()).compareTo(wanted.minusMillis(
                seconds * 100L)) >= 0;
    }

    boolean alike(Sent a, Sent b) {
        return SqlAnswers.same(a.exchange(), a.value(), b.exchange(), b.value(), original);
    }
}
