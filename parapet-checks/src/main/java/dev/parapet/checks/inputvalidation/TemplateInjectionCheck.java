package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.TemplateSyntaxes.Syntax;
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
import java.util.function.Supplier;

/**
 * Finds inputs pasted into a server-side template's source. The engine hands it every text input (see
 * {@link InjectedInputs#holdsText}); bodies only in {@code --mode active}, through {@link WriteAwareProbe}. The
 * screen sends the arithmetic syntaxes of {@code checks/template-injection/syntaxes.json} joined in one value, each
 * with its own random factors, then the Handlebars block alone: a syntax evaluated when its result is in the
 * answer while the probe itself and the baseline are not. A template error (or a 5xx the baseline did not get)
 * earns each syntax alone, since one syntax can break an engine's parsing of the others.
 *
 * <p>Confirmation repeats the evaluated syntax alone with new factors (CONFIRMED when it evaluates again) and,
 * where engines share the syntax, sends a follow-up that names the engine ({@code 'A'*3}: Jinja2 repeats the
 * string, Twig multiplies). Template evaluation is a step to code execution: findings are critical and carry
 * {@code container-escape} and {@code stage:host}. Stateless and thread-safe.
 */
public final class TemplateInjectionCheck implements InputCheck<TemplateInjectionCheck.Signal> {

    static final String REMEDIATION = """
            Never build template source from request input: keep templates fixed and pass input as data, which the \
            engine then escapes. Flask/Jinja2: `render_template_string("<h2>Hello {{ name }}</h2>", name=name)`, \
            never `render_template_string("<h2>Hello " + name + "</h2>")`. Twig: `$twig->render('hello.twig', \
            ['name' => $name])`. FreeMarker/Velocity/Thymeleaf: load templates from the class path only and put \
            input in the model; never let input choose a view name or fragment. Node (EJS, Pug, Handlebars): \
            `compile()` only trusted files, pass input in the locals. Where users must write templates, use a \
            logic-less engine in a sandbox (Jinja2's SandboxedEnvironment at the least).""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("template-injection", Category.INPUT_VALIDATION,
            "Input evaluated as server-side template code",
            "Sends arithmetic with random numbers in the syntaxes of Jinja2/Twig, FreeMarker, Velocity, "
                    + "Thymeleaf/SpEL, EJS/ERB and Pug, and a Handlebars block, through every text input, and "
                    + "reports inputs whose answer holds the result; names the engine.",
            Severity.CRITICAL, List.of(1336, 94), 0, java.util.Set.of("template-injection", "ssti", "rce"),
            REMEDIATION);

    static final Supplier<TemplateSyntaxes> DATA = CheckData.once(TemplateSyntaxes::load);

    /** What a screen saw. */
    sealed interface Signal {
        WriteAwareProbe probe();

        Exchange baseline();
    }

    /** {@code syntax} was evaluated in the screen's {@code answer} to {@code value}. */
    record Evaluated(WriteAwareProbe probe, Exchange baseline, Syntax syntax, String value, Exchange answer)
            implements Signal {
    }

    /** A template error or a new 5xx: some syntax broke the engine. */
    record Broke(WriteAwareProbe probe, Exchange baseline) implements Signal {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("passive mode sends no template values") : Optional.empty();
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return InjectedInputs.holdsText(p);
    }

    /** The reads that find an object to update, the baseline, the joined syntaxes, the one sent alone. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 3;
    }

    /** Each joined syntax alone, the evaluated one again, the fingerprint. */
    @Override
    public int confirmCost() {
        return DATA.get().joined().size() + 2;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<WriteAwareProbe> prepared = InjectedInputs.prepare(ctx, p);
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        WriteAwareProbe probe = prepared.get();
        Exchange baseline = probe.baseline(ctx);
        if (!baseline.answered()) {
            return Optional.empty();
        }
        List<ArithmeticNonce> nonces = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (Syntax s : DATA.get().joined()) {
            ArithmeticNonce n = ArithmeticNonce.fresh();
            nonces.add(n);
            pieces.add(n.fill(s.probe()));
        }
        String joined = p.value() + " " + String.join(" ", pieces);
        Exchange answer = probe.send(ctx, joined);
        boolean broke = broke(answer, baseline);
        for (int i = 0; i < pieces.size(); i++) {
            Syntax s = DATA.get().joined().get(i);
            if (answer.answered() && s.evaluatedIn(answer.body(), probe.text(joined), nonces.get(i))
                    && !s.evaluatedIn(baseline.body(), "", nonces.get(i))) {
                return Optional.of(new Evaluated(probe, baseline, s, joined, answer));
            }
        }
        Attempt alone = attempt(ctx, p, probe, DATA.get().alone());
        if (alone.evaluatedOver(baseline)) {
            return Optional.of(new Evaluated(probe, baseline, DATA.get().alone(), alone.value(), alone.answer()));
        }
        return broke || broke(alone.answer(), baseline) ? Optional.of(new Broke(probe, baseline)) : Optional.empty();
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal signal) throws InterruptedException {
        Evaluated found = switch (signal) {
            case Evaluated e -> e;
            case Broke b -> {
                Evaluated hit = null;
                for (Syntax s : DATA.get().joined()) {
                    if (ctx.remainingBudget() <= 1) {
                        break;
                    }
                    Attempt a = attempt(ctx, p, b.probe(), s);
                    if (a.evaluatedOver(b.baseline())) {
                        hit = new Evaluated(b.probe(), b.baseline(), s, a.value(), a.answer());
                        break;
                    }
                }
                yield hit;
            }
        };
        if (found == null || ctx.remainingBudget() <= 0) {
            return List.of();
        }
        Attempt again = attempt(ctx, p, found.probe(), found.syntax());
        if (!again.evaluatedOver(found.baseline())) {
            return List.of();
        }
        String engine = found.syntax().engine();
        Optional<Exchange> fingerprinted = Optional.empty();
        Optional<TemplateSyntaxes.Fingerprint> fp = DATA.get().fingerprintOf(found.syntax());
        if (fp.isPresent() && ctx.remainingBudget() > 0) {
            ArithmeticNonce n = ArithmeticNonce.fresh();
            String value = p.value() + " " + n.fill(fp.get().probe());
            Exchange e = found.probe().send(ctx, value);
            Optional<String> named = e.answered() && !e.body().contains(n.fill(fp.get().probe()))
                    ? fp.get().engineIn(e.body(), n) : Optional.empty();
            if (named.isPresent()) {
                engine = named.get();
                fingerprinted = Optional.of(e);
            }
        }
        String evidence = Snippets.join(List.of(
                found.probe().label(again.value()) + " -> " + again.answer().status() + ", the answer holds "
                        + again.nonce().fill(found.syntax().expect()) + ": " + around(again),
                "the screen's " + found.syntax().id() + " probe evaluated too; the baseline (" + p.name() + "="
                        + p.value() + ", " + found.baseline().status() + ") holds neither result",
                "engine: " + engine));
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.CRITICAL).confidence(Confidence.CONFIRMED)
                .title("Template injection through " + InjectedInputs.where(p) + ": " + engine + " evaluates it")
                .endpoint(InjectedInputs.endpoint(p)).parameter(p.name()).discriminator(found.syntax().id())
                .evidence(evidence).exchange(again.answer()).exchange(found.answer());
        fingerprinted.ifPresent(b::exchange);
        return List.of(b.exchange(found.baseline()).remediation(REMEDIATION).references(DESCRIPTOR.references())
                .tags(DESCRIPTOR.tags()).tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:host").build());
    }

    /** A template error the baseline lacks, or a 5xx where the baseline was not one. */
    private static boolean broke(Exchange answer, Exchange baseline) {
        return answer.answered() && (DATA.get().templateError(answer.body()) && !DATA.get().templateError(baseline.body())
                || answer.status() >= 500 && baseline.status() < 500);
    }

    private static Attempt attempt(CheckContext ctx, InputPoint p, WriteAwareProbe probe, Syntax syntax)
            throws InterruptedException {
        ArithmeticNonce nonce = ArithmeticNonce.fresh();
        String value = p.value() + " " + nonce.fill(syntax.probe());
        return new Attempt(syntax, nonce, value, probe.send(ctx, value), probe.text(value));
    }

    /** What one syntax sent alone got back; {@code sent} is everything of the request the target could echo. */
    private record Attempt(Syntax syntax, ArithmeticNonce nonce, String value, Exchange answer, String sent) {
        boolean evaluatedOver(Exchange baseline) {
            return answer.answered() && syntax.evaluatedIn(answer.body(), sent, nonce)
                    && !syntax.evaluatedIn(baseline.body(), "", nonce);
        }
    }

    private static String around(Attempt a) {
        String result = a.syntax().expect().equals("@AB@") ? Long.toString(a.nonce().product())
                : a.nonce().fill(a.syntax().expect());
        int at = a.answer().body().indexOf(result);
        return at < 0 ? "" : Snippets.around(a.answer().body(), at, at + result.length(), 40);
    }
}
