package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds request values pasted into XPath expressions. The engine hands it the same inputs as
 * {@link LdapInjectionCheck} (reads; in active mode the login and search POSTs, see {@link InjectionWriteScope}).
 * The screen appends a quote and the first true/false pair of each quoting ({@code ' and '1'='1} /
 * {@code ' and '1'='2}, then the double-quoted pair): an XPath engine's error text
 * ({@code checks/xpath-injection/probes.json}) that the quote causes and neither the baseline nor the true condition
 * carries is one proof (HIGH, FIRM); a true condition answering like the original and a false one unlike it, again
 * with other constants, is the other (HIGH, CONFIRMED). A refusal of the quote ({@code 200 {"error": ...}}) answers
 * the true condition unlike the original, so it proves nothing. Stateless and thread-safe.
 */
public final class XPathInjectionCheck implements InputCheck<XPathInjectionCheck.Signal> {

    static final Supplier<XPathProbes> PROBES = CheckData.once(XPathProbes::load);
    static final Supplier<StackErrorTexts> TEXTS = CheckData.once(() -> StackErrorTexts.of(PROBES.get().errors()));

    static final String REMEDIATION = """
            Never paste request values into XPath text. Bind them as variables: Java `xpath.setXPathVariableResolver(\
            n -> name)` with `/users/user[name=$name]`; Python lxml `doc.xpath("//user[name=$n]", n=name)`; .NET \
            `XPathExpression.SetContext` with an `XsltContext` carrying the variable; PHP has no binding in \
            DOMXPath, so allow-list the value (letters, digits) before use. Answer XPath errors with a generic \
            message.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("xpath-injection", Category.INPUT_VALIDATION,
            "XPath expression built from request values",
            "Appends a quote and true/false conditions in single and double quoting to text values and reports inputs "
                    + "whose answers show an XPath engine's error or follow the injected condition.",
            Severity.HIGH, List.of(643), 0, Set.of("xpath-injection", "injection"), REMEDIATION);

    /** An answer and the value that got it. */
    record Sent(String value, Exchange exchange) {
    }

    /** What the screen saw; {@code context} is the quoting whose first pair split, if one did. */
    record Signal(WriteAwareProbe probe, Sent baseline, Sent quote, Optional<StackErrorTexts.Match> error,
                  Optional<XPathProbes.Context> context, Optional<Sent[]> firstPair) {
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
        return InjectedInputs.holdsQueryText(p);
    }

    /** The caller's object for an update, the baseline, the quote, the first pair of each quoting. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 2 + 2 * PROBES.get().contexts().size();
    }

    /** The repeat pair. */
    @Override
    public int confirmCost() {
        return 2;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<WriteAwareProbe> prepared = InjectionWriteScope.admits(ctx, p) ? WriteAwareProbe.prepare(ctx, p)
                : Optional.empty();
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        WriteAwareProbe probe = prepared.get();
        Exchange base = probe.baseline(ctx);
        if (!base.answered()) {
            return Optional.empty();
        }
        Sent baseline = new Sent(p.value(), base);
        Sent quote = send(ctx, probe, p.value() + PROBES.get().quote());
        Optional<StackErrorTexts.Match> error = Optional.empty();
        for (XPathProbes.Context c : PROBES.get().contexts()) {
            XPathProbes.Pair first = c.pairs().getFirst();
            Sent truthy = send(ctx, probe, p.value() + first.truthy());
            if (error.isEmpty() && quote.exchange().answered() && truthy.exchange().answered()) {
                error = TEXTS.get().freshIn(quote.exchange().body(), List.of(base.body(), truthy.exchange().body()));
            }
            if (!alike(truthy, baseline, p)) {
                continue;
            }
            Sent falsy = send(ctx, probe, p.value() + first.falsy());
            if (falsy.exchange().answered() && !alike(falsy, baseline, p)) {
                return Optional.of(new Signal(probe, baseline, quote, error, Optional.of(c),
                        Optional.of(new Sent[]{truthy, falsy})));
            }
        }
        return error.map(e -> new Signal(probe, baseline, quote, Optional.of(e), Optional.empty(), Optional.empty()));
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        Optional<Sent[]> repeat = Optional.empty();
        if (s.context().isPresent()) {
            XPathProbes.Pair again = s.context().get().pairs().get(1);
            Sent truthy = send(ctx, s.probe(), p.value() + again.truthy());
            Sent falsy = send(ctx, s.probe(), p.value() + again.falsy());
            if (alike(truthy, s.baseline(), p) && falsy.exchange().answered() && !alike(falsy, s.baseline(), p)) {
                repeat = Optional.of(new Sent[]{truthy, falsy});
            }
        }
        if (s.error().isEmpty() && repeat.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        List<String> how = new ArrayList<>();
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category());
        s.error().ifPresent(e -> {
            how.add("error, " + e.stack());
            parts.add(s.probe().label(s.quote().value()) + " -> " + s.quote().exchange().status() + " "
                    + Snippets.oneLine(e.text(), 90));
            b.exchange(s.quote().exchange());
        });
        repeat.ifPresent(r -> {
            Sent[] first = s.firstPair().orElseThrow();
            how.add("boolean, " + s.context().orElseThrow().quoting() + "-quoted");
            parts.add(s.probe().label(first[0].value()) + " -> " + first[0].exchange().status() + " like the original");
            parts.add(s.probe().label(first[1].value()) + " -> " + first[1].exchange().status() + " unlike it ("
                    + Snippets.oneLine(first[1].exchange().body(), 40) + ")");
            parts.add("repeated with " + r[0].value() + " / " + r[1].value());
            b.exchange(first[0].exchange()).exchange(first[1].exchange()).exchange(r[0].exchange())
                    .exchange(r[1].exchange());
        });
        parts.add("baseline " + s.probe().label(p.value()) + " -> " + s.baseline().exchange().status());
        return List.of(b.severity(Severity.HIGH)
                .confidence(repeat.isPresent() ? Confidence.CONFIRMED : Confidence.FIRM)
                .title("XPath injection in the " + p.describe() + " (" + String.join("; ", how) + ")")
                .endpoint(InjectedInputs.endpoint(p)).parameter(p.name()).discriminator(p.location().id())
                .evidence(Snippets.join(parts)).exchange(s.baseline().exchange())
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build());
    }

    private static Sent send(CheckContext ctx, WriteAwareProbe probe, String value) throws InterruptedException {
        return new Sent(value, probe.send(ctx, value));
    }

    private static boolean alike(Sent a, Sent b, InputPoint p) {
        return SqlAnswers.same(a.exchange(), a.value(), b.exchange(), b.value(), p.value());
    }
}
