package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.SqlValueProber.BooleanProof;
import dev.parapet.checks.inputvalidation.SqlValueProber.DelayProof;
import dev.parapet.checks.inputvalidation.SqlValueProber.ErrorProof;
import dev.parapet.checks.inputvalidation.SqlValueProber.PairAnswers;
import dev.parapet.checks.inputvalidation.SqlValueProber.Sent;
import dev.parapet.checks.inputvalidation.SqlValueProbes.BooleanContext;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Category;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds request values pasted into SQL text. The engine hands it every query, path, header and cookie input (and, in
 * active mode, JSON and form body fields of the login operation and of search POSTs, see {@link InjectionWriteScope},
 * sent through {@link WriteAwareProbe} so a write is undone) except those
 * whose value is a URL, a file, a boolean, an identifier list for SQL ({@link SqlIdentifierInjectionCheck} tests
 * those), a callback, a redirect or a whole XML document. Every probe appends to the original value (see
 * {@link SqlValueProbes}).
 *
 * <p>The screen sends the quote, the balanced controls and the first true/false pair; a database error the quote
 * causes, a quote answered unlike every control, or a pair that splits is a signal. Confirmation proves it
 * (see {@link SqlValueProber}): the error text absent from the baseline and from a control; true/false pairs that
 * split twice with other constants while the original answers the same twice, in the numeric, string and LIKE
 * contexts; in active mode only, and only when neither proved it, a bounded delay against the same expression
 * without one. A status difference alone never counts. The engine the error texts name is a tag
 * ({@code db:sqlite}…); every finding carries {@code container-escape} and {@code stage:entry}, since SQL the
 * attacker writes is a step towards the database and what it can reach. Stateless and thread-safe.
 */
public final class SqlValueInjectionCheck implements InputCheck<SqlValueInjectionCheck.Signal> {

    static final SqlValueProbes PROBES = SqlValueProbes.load();
    static final SqlErrorTexts TEXTS = SqlErrorTexts.of(PROBES);

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("sql-value-injection", Category.INPUT_VALIDATION,
            "SQL injection in request values",
            "Appends a quote, balanced controls, true/false conditions (numeric, string, LIKE) and, in active mode, "
                    + "bounded delays to query, path, header, cookie and body values, and reports database errors "
                    + "and answers that follow the injected condition; fingerprints the database engine.",
            Severity.CRITICAL, List.of(89), 0, Set.of("sql-injection", "injection"), SqlValueFindings.REMEDIATION);

    /**
     * Shapes whose values another check tests, or that no SQL statement takes as a value. A SQL name
     * ({@code sort=name}) is {@link SqlIdentifierInjectionCheck}'s unless it is also an id or a number
     * ({@code order_id=1001}).
     */
    private static final Set<ValueShape> NOT_SQL_VALUES = EnumSet.of(ValueShape.URL, ValueShape.FILE,
            ValueShape.BOOLEAN, ValueShape.CALLBACK, ValueShape.REDIRECT, ValueShape.XML_DOCUMENT);

    /** What the screen saw, for the confirmation to reuse. */
    record Signal(WriteAwareProbe probe, Sent baseline, Sent quote, List<Sent> controls, Optional<ErrorProof> error,
                  Optional<PairAnswers> pair) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("passive mode sends no probe values") : Optional.empty();
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        boolean identifierList = p.is(ValueShape.SQL_NAME) && !p.is(ValueShape.IDENTIFIER)
                && !p.is(ValueShape.NUMERIC);
        return p.location() != InputLocation.XML && !p.isAny(NOT_SQL_VALUES) && !identifierList;
    }

    /** The caller's object for an update, the baseline, the quote, two controls, the first pair. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 1 + 1 + PROBES.controls().size() + 2;
    }

    /** The original again, every pair of every context, and each delay with its controls. */
    @Override
    public int confirmCost() {
        int pairs = PROBES.booleans().stream().mapToInt(b -> b.pairs().size() * 2).sum();
        return 1 + pairs + PROBES.delays().size() * 2 + 2;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        if (!InjectionWriteScope.admits(ctx, p)) {
            return Optional.empty();
        }
        Optional<WriteAwareProbe> probe = WriteAwareProbe.prepare(ctx, p);
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        Exchange base = probe.get().baseline(ctx);
        if (!base.answered()) {
            return Optional.empty();
        }
        SqlValueProber prober = new SqlValueProber(PROBES, TEXTS, ctx, p, probe.get());
        Sent baseline = new Sent(p.value(), base);
        Optional<Sent> quote = prober.send(PROBES.quote());
        if (quote.isEmpty()) {
            return Optional.empty();
        }
        List<Sent> controls = prober.controls();
        Optional<ErrorProof> error = prober.error(baseline, quote.get(), controls);
        boolean breaks = prober.quoteBreaks(quote.get(), controls);
        BooleanContext first = PROBES.booleansFor(prober.numeric()).getFirst();
        Optional<PairAnswers> pair = prober.pair(baseline, first.pairs().getFirst());
        return error.isEmpty() && !breaks && pair.isEmpty() ? Optional.empty()
                : Optional.of(new Signal(probe.get(), baseline, quote.get(), controls, error, pair));
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        SqlValueProber prober = new SqlValueProber(PROBES, TEXTS, ctx, p, s.probe());
        Optional<BooleanProof> booleans = Optional.empty();
        Optional<Sent> again = prober.again();
        if (again.isPresent() && prober.alike(again.get(), s.baseline())) {
            List<BooleanContext> contexts = PROBES.booleansFor(prober.numeric());
            for (int i = 0; i < contexts.size() && booleans.isEmpty(); i++) {
                booleans = prober.booleans(s.baseline(), contexts.get(i), i == 0 ? s.pair() : Optional.empty());
            }
        }
        Optional<DelayProof> delay = Optional.empty();
        if (ctx.mode() == ScanMode.ACTIVE && s.error().isEmpty() && booleans.isEmpty()) {
            for (SqlValueProbes.Delay d : PROBES.delays()) {
                if (delay.isEmpty() && (prober.numeric() || d.context() != SqlValueProbes.Context.NUMERIC)) {
                    delay = prober.delay(d);
                }
            }
        }
        if (s.error().isEmpty() && booleans.isEmpty() && delay.isEmpty()) {
            return List.of();
        }
        return List.of(new SqlValueFindings(p, s.probe(), s.baseline(), again).finding(s.quote(), s.error(),
                booleans, delay));
    }
}
