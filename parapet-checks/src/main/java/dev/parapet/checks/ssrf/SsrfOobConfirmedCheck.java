package dev.parapet.checks.ssrf;

import dev.parapet.checks.support.CanaryEvidence;
import dev.parapet.checks.support.CanaryRound;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.FetchParameter;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms server-side request forgery out of band: each URL-accepting query parameter (by recorded value, spec
 * format or name, see {@code checks/ssrf-oob-confirmed/parameters.json}) gets exactly one probe whose value is a
 * fresh canary URL; a request for that token on the canary is the artefact itself, so the finding is CONFIRMED with
 * the target's request as evidence. Never follows up on a hit. Without a canary (a public target and no
 * {@code --oob-url}) it does not apply and {@code ssrf-internal-reach} judges by content signatures alone.
 * Stateless and thread-safe.
 */
public final class SsrfOobConfirmedCheck implements Check {

    /** Parameter name words, from the data file. */
    record Words(Set<String> words, Set<String> registrationWords) {
    }

    static final Words WORDS = CheckData.load("ssrf-oob-confirmed", "parameters.json", Words.class);
    static final int MAX_PARAMETERS = 8;
    /** How long all planted tokens together may wait for the target's request: fetchers usually call at once. */
    static final Duration WAIT = Duration.ofSeconds(3);

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("ssrf-oob-confirmed", Category.SSRF,
            "Server-side requests to any URL, confirmed out of band",
            "Plants a unique canary URL in each URL-accepting parameter and reports those whose server then requests"
                    + " it: the canary's log is the proof.",
            Severity.HIGH, List.of(918), MAX_PARAMETERS, Set.of("stage:entry", CanaryEvidence.TAG),
            SsrfInternalReachCheck.REMEDIATION);

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }


    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Optional<String> unavailable = CanaryRound.unavailable(ctx);
        if (unavailable.isPresent()) {
            return CheckOutcome.notApplicable(unavailable.get() + " (ssrf-internal-reach still judges by content)");
        }
        List<FetchParameter> parameters = FetchParameter.find(ctx.inventory(), WORDS.words(), Integer.MAX_VALUE)
                .stream().filter(p -> !FetchParameter.hasWord(p.name(), WORDS.registrationWords()))
                .limit(MAX_PARAMETERS).toList();
        if (parameters.isEmpty()) {
            return CheckOutcome.notApplicable("no URL-accepting query parameter among "
                    + ctx.inventory().endpoints().size() + " known endpoints");
        }
        CanaryRound<FetchParameter> round = CanaryRound.start(ctx);
        round.plant(parameters, p -> "ssrf " + p.path() + " " + p.name(),
                (p, url) -> ProbeRequest.get(p.withValue(url)));
        return CheckOutcome.findings(round.called(WAIT, p -> true).stream()
                .map(SsrfOobConfirmedCheck::finding).toList());
    }

    private static Finding finding(CanaryRound.Called<FetchParameter> called) {
        CanaryRound.Planted<FetchParameter> pl = called.planted();
        List<CanaryHit> hits = called.hits();
        FetchParameter p = pl.subject();
        boolean relayed = pl.token().markupIn(pl.probe().body());
        String evidence = p.name() + "=" + pl.token().url() + " made the server call it: "
                + CanaryEvidence.line(pl.token(), hits)
                + (relayed ? "; the response relayed the canary's page" : "");
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("Server requests any URL given in the '" + p.name()
                        + "' parameter (SSRF, confirmed out of band)")
                .endpoint(p.endpoint()).parameter(p.name()).discriminator("canary")
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(pl.probe()).exchange(CanaryEvidence.exchangeOf(pl.token(), hits.getFirst()))
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references())
                .tags(DESCRIPTOR.tags())
                .build();
    }
}
