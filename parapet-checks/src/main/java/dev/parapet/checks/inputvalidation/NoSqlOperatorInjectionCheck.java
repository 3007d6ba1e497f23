package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.NoSqlOperators.Operator;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds inputs a document database takes as a query object. The engine hands it every query parameter of a read
 * and (in active mode) every JSON body field, sent through {@link WriteAwareProbe}, except URL, file, boolean and
 * XML inputs. The screen compares a literal no record carries with an operator that matches every record
 * ({@code name[$ne]=…}, {@code {"$ne": …}}); when they answer differently, confirmation requires an operator that
 * matches nothing ({@code $eq} the literal) to answer like the literal and another that matches everything
 * ({@code $gt ""}, {@code $regex .*}) to answer like the first: the server evaluated the operators, rather than
 * refusing objects or brackets. Stateless and thread-safe.
 */
public final class NoSqlOperatorInjectionCheck implements InputCheck<NoSqlOperatorInjectionCheck.Signal> {

    static final NoSqlOperators OPERATORS = NoSqlOperators.load();

    static final String REMEDIATION = """
            Never pass request values to a query as objects. Validate the type first and cast to a string: \
            Express + Mongoose `User.findOne({ username: String(req.body.username) })`, or a schema validator \
            (zod, Joi, express-validator `isString()`) that rejects objects; set Mongoose `sanitizeFilter: true` or \
            use express-mongo-sanitize to strip keys starting with `$`; configure qs / body parsers not to build \
            nested objects from `name[$ne]=` (`app.set('query parser', 'simple')`). Python/PyMongo: \
            `if not isinstance(value, str): abort(400)`.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("nosql-operator-injection",
            Category.INPUT_VALIDATION, "NoSQL query operators accepted in request values",
            "Sends MongoDB-style operators ($ne, $gt, $regex, $eq) in place of query and JSON body values and "
                    + "reports inputs whose answers follow the operator rather than the literal.",
            Severity.HIGH, List.of(943), 0, Set.of("nosql-injection", "injection"), REMEDIATION);

    private static final Set<ValueShape> NOT_QUERY_VALUES = EnumSet.of(ValueShape.URL, ValueShape.FILE,
            ValueShape.BOOLEAN, ValueShape.XML_DOCUMENT, ValueShape.CALLBACK, ValueShape.REDIRECT);

    /** An answer and the spelling that got it. */
    record Sent(String spelling, Exchange exchange) {
    }

    /** The screen's literal and match-all answers. */
    record Signal(WriteAwareProbe probe, Sent literal, Sent all) {
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
        boolean where = p.location() == InputLocation.JSON
                || p.location() == InputLocation.QUERY && p.operation().readOnlyMethod();
        return where && !p.isAny(NOT_QUERY_VALUES);
    }

    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 2;
    }

    @Override
    public int confirmCost() {
        return 1 + OPERATORS.alsoMatchAll().size();
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
        Exchange literal = probe.get().send(ctx, OPERATORS.literal());
        if (!literal.answered()) {
            return Optional.empty();
        }
        Sent all = send(ctx, p, probe.get(), OPERATORS.matchAll());
        return all.exchange().answered() && !alike(all, literal)
                ? Optional.of(new Signal(probe.get(), new Sent(probe.get().label(OPERATORS.literal()), literal), all))
                : Optional.empty();
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        Sent none = send(ctx, p, s.probe(), OPERATORS.matchNone());
        if (!alike(none, s.literal().exchange())) {
            return List.of();
        }
        for (Operator op : OPERATORS.alsoMatchAll()) {
            if (ctx.remainingBudget() <= 0) {
                break;
            }
            Sent again = send(ctx, p, s.probe(), op);
            if (alike(again, s.all().exchange())) {
                return List.of(finding(p, s, none, again));
            }
        }
        return List.of();
    }

    private static Sent send(CheckContext ctx, InputPoint p, WriteAwareProbe probe, Operator op)
            throws InterruptedException {
        if (p.location() == InputLocation.JSON) {
            String json = OPERATORS.json(op);
            return new Sent(p.describe() + " = " + json, probe.sendJson(ctx, json));
        }
        String name = p.name() + "[" + op.operator() + "]";
        String value = OPERATORS.query(op);
        return new Sent(name + "=" + value, ctx.probe(p.withRenamed(URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("%24", "$"), URLEncoder.encode(value, StandardCharsets.UTF_8))));
    }

    private static boolean alike(Sent a, Exchange b) {
        return a.exchange().answered() && b.answered() && a.exchange().status() == b.status()
                && SqlAnswers.same(a.exchange(), "", b, "", "");
    }

    private static Finding finding(InputPoint p, Signal s, Sent none, Sent again) {
        Exchange all = s.all().exchange();
        List<String> parts = new ArrayList<>();
        parts.add(s.all().spelling() + " -> " + all.status() + " " + Snippets.oneLine(all.body(), 80));
        parts.add(s.literal().spelling() + " -> " + s.literal().exchange().status() + " "
                + Snippets.oneLine(s.literal().exchange().body(), 40));
        parts.add(none.spelling() + " answered like the literal, " + again.spelling() + " like " + "the "
                + OPERATORS.matchAll().operator());
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("NoSQL operator injection in the " + p.describe() + " (" + OPERATORS.matchAll().operator()
                        + " matches records the literal does not)")
                .endpoint(new Endpoint(p.operation().method(), p.operation().uri(), p.operation().source()))
                .parameter(p.name()).discriminator(p.location().id())
                .evidence(Snippets.join(parts))
                .exchange(all).exchange(s.literal().exchange()).exchange(none.exchange()).exchange(again.exchange())
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
