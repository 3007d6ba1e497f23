package dev.parapet.checks.inputvalidation;

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
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds inputs written unencoded into HTML. The engine hands it every text input of the query, the path and
 * form bodies (forms only in {@code --mode active}): what a link or a cross-site form can set. Headers, cookies and
 * JSON bodies are left out, since another site cannot make a victim's browser send them. The screen appends a
 * random marker with {@code '"<} ({@link HtmlReflection}); the answer must render as HTML (text/html, or no content
 * type without nosniff) and carry the characters that leave the reflection's context raw. JSON answers with a
 * JSON content type, plain text and encoded reflections are never flagged. Confirmation repeats with a new marker,
 * which must come back the same way (CONFIRMED). Severity is high for a page that declares HTML and sets no
 * Content-Security-Policy, medium when a policy may blunt it or the page is only sniffed. Stateless and thread-safe.
 */
public final class ReflectedXssCheck implements InputCheck<ReflectedXssCheck.Signal> {

    static final String REMEDIATION = """
            Encode input for the context it is written into: HTML-encode (& < > " ') in element content and \
            quoted attributes, and never write input into unquoted attributes, scripts or URLs without their own \
            encoding. Use the template engine's autoescaping instead of building markup by hand: Flask/Jinja2 \
            `Markup("<h1>Results for <mark>{}</mark></h1>").format(q)` (never an f-string inside Markup), \
            Express `res.render` with EJS `<%= q %>` (never `<%- %>`), Spring Thymeleaf `th:text`. Answer API \
            data as JSON with `Content-Type: application/json` and `X-Content-Type-Options: nosniff`, and add a \
            Content-Security-Policy such as `default-src 'self'; script-src 'self'`.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("reflected-xss", Category.INPUT_VALIDATION,
            "Input reflected unencoded into HTML (XSS)",
            "Sends a random marker with < \" ' through every query, path and form input and reports answers that "
                    + "render as HTML and write it back raw in element content or an attribute.",
            Severity.HIGH, List.of(79), 0, Set.of("xss", "reflected-xss"), REMEDIATION);

    /** What a screen saw: the first dangerous reflection and the answer that carried it. */
    record Signal(WriteAwareProbe probe, Exchange baseline, HtmlReflection reflection, String value,
                  Exchange answer) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("passive mode sends no marked values") : Optional.empty();
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        InputLocation l = p.location();
        return (l == InputLocation.QUERY || l == InputLocation.PATH || l == InputLocation.FORM)
                && InjectedInputs.holdsText(p);
    }

    /** The reads that find an object to update, the baseline, the marked value. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 2;
    }

    /** The second marker. */
    @Override
    public int confirmCost() {
        return 1;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<WriteAwareProbe> prepared = InjectedInputs.prepare(ctx, p);
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        Exchange baseline = prepared.get().baseline(ctx);
        if (!baseline.answered()) {
            return Optional.empty();
        }
        String marker = HtmlReflection.freshMarker();
        String value = p.value() + HtmlReflection.probe(marker);
        Exchange answer = prepared.get().send(ctx, value);
        return HtmlReflection.in(answer, marker)
                .map(r -> new Signal(prepared.get(), baseline, r, value, answer));
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        String marker = HtmlReflection.freshMarker();
        String value = p.value() + HtmlReflection.probe(marker);
        Exchange again = s.probe().send(ctx, value);
        Optional<HtmlReflection> second = HtmlReflection.in(again, marker)
                .filter(r -> r.context() == s.reflection().context());
        if (second.isEmpty()) {
            return List.of();
        }
        boolean policy = again.responseHeaders().first("Content-Security-Policy").isPresent();
        boolean declared = HtmlReflection.declaredHtml(again);
        Severity severity = declared && !policy ? Severity.HIGH : Severity.MEDIUM;
        String type = again.responseHeaders().first("Content-Type").orElse("no Content-Type (sniffed as HTML)");
        String body = again.body();
        int at = second.get().at();
        String evidence = Snippets.join(List.of(
                s.probe().label(value) + " -> " + again.status() + ", " + type + ": "
                        + Snippets.around(body, at, Math.min(body.length(), at + 2 * marker.length() + 5), 40),
                "raw in " + second.get().context().label + ", as with the screen's marker " + s.reflection().marker(),
                policy ? "a Content-Security-Policy is set" : "no Content-Security-Policy"));
        return List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity).confidence(Confidence.CONFIRMED)
                .title("Reflected XSS through " + InjectedInputs.where(p) + ": written unencoded into "
                        + second.get().context().label)
                .endpoint(InjectedInputs.endpoint(p)).parameter(p.name())
                .discriminator(second.get().context().name())
                .evidence(evidence).exchange(again).exchange(s.answer()).exchange(s.baseline())
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build());
    }
}
