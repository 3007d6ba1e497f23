package dev.parapet.checks.ssrf;

import java.util.function.Supplier;
import dev.parapet.checks.support.CanaryEvidence;
import dev.parapet.checks.support.CanaryRound;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.FetchParameter;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Canary;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms server-side request forgery out of band: the engine hands it every input whose value is a URL the server
 * may fetch ({@link ValueShape#URL}: a recorded URL value, a {@code uri} format, a name such as {@code imageUrl} or
 * {@code feedUrl}) in any location but an XML body, JSON and form bodies included in active mode; each gets exactly
 * one probe whose value is a fresh canary URL (sent through {@link WriteAwareProbe}, so a POST's object is deleted
 * and an update written back). A request for that token on the canary is the artefact itself, so the finding is
 * CONFIRMED with the target's request as evidence. Names with a registration word ({@code callback_url},
 * {@code webhook}; {@code parameters.json}) are left to {@code webhook-any-host}, which judges the same hit as a
 * registration. Without a canary it does not apply and {@code ssrf-internal-reach} judges by content alone.
 * Stateless and thread-safe.
 */
public final class SsrfOobConfirmedCheck implements InputCheck<SsrfOobConfirmedCheck.Called> {

    /** Parameter name words that belong to the registration check, from the data file. */
    record Words(Set<String> registrationWords) {
    }

    static final Supplier<Words> WORDS = CheckData.once(() -> CheckData.load("ssrf-oob-confirmed", "parameters.json", Words.class));
    /** How long one planted token waits for the target's request: fetchers usually call at once. */
    static final Duration WAIT = Duration.ofSeconds(3);

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("ssrf-oob-confirmed", Category.SSRF,
            "Server-side requests to any URL, confirmed out of band",
            "Plants a unique canary URL in each URL-accepting input (query parameters, and JSON or form body fields "
                    + "in active mode) and reports those whose server then requests it: the canary's log is the proof.",
            Severity.HIGH, List.of(918), 0, Set.of("stage:entry", CanaryEvidence.TAG),
            SsrfInternalReachCheck.REMEDIATION);

    /** A planted token the target requested, with the probe that carried it. */
    record Called(CanaryToken token, Exchange probe, List<CanaryHit> hits, String label) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return CanaryRound.unavailable(ctx).map(why -> why + " (ssrf-internal-reach still judges by content)");
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return p.is(ValueShape.URL) && p.location() != InputLocation.XML
                && !FetchParameter.hasWord(p.name(), WORDS.get().registrationWords());
    }

    /** The object a PUT or PATCH writes is read first; then the one planting probe. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 1;
    }

    @Override
    public int confirmCost() {
        return 0;
    }

    @Override
    public Optional<Called> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<Canary> canary = ctx.canary();
        Optional<WriteAwareProbe> probe = canary.isPresent() ? WriteAwareProbe.prepare(ctx, p) : Optional.empty();
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        CanaryToken token = canary.get().mint("ssrf " + p.operation().display() + " " + p.name());
        String url = token.url().toString();
        Exchange sent = probe.get().send(ctx, url);
        List<CanaryHit> hits = canary.get().awaitHits(token, WAIT);
        return hits.isEmpty() ? Optional.empty() : Optional.of(new Called(token, sent, hits, probe.get().label(url)));
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Called called) {
        boolean relayed = called.token().markupIn(called.probe().body());
        String evidence = called.label() + " made the server call it: "
                + CanaryEvidence.line(called.token(), called.hits())
                + (relayed ? "; the response relayed the canary's page" : "");
        return List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("Server requests any URL given in " + (p.location() == InputLocation.QUERY
                        ? "the '" + p.name() + "' parameter" : "the " + p.describe()) + " (SSRF, confirmed out of band)")
                .endpoint(new Endpoint(p.operation().method(), p.operation().uri(), p.operation().source()))
                .parameter(p.name()).discriminator("canary")
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(called.probe()).exchange(CanaryEvidence.exchangeOf(called.token(), called.hits().getFirst()))
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references())
                .tags(DESCRIPTOR.tags())
                .build());
    }
}
