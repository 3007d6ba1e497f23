package dev.parapet.checks.unsafeconsumption;

import java.util.function.Supplier;
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
 * Finds APIs that hand back upstream content without validating it: each URL-accepting parameter is pointed once at
 * a fresh canary page, and a finding needs both signals: the canary logged the target's request for that token, and
 * the target's response carries the canary's markup verbatim (tags and attributes unescaped). A target that fetches
 * but escapes, strips or re-encodes what it got stays quiet here (the fetch itself is {@code ssrf-oob-confirmed}'s).
 * Needs the scan's canary; without one it does not apply. Stateless and thread-safe.
 */
public final class UpstreamContentReflectedCheck implements Check {

    /** Parameter name words, from the data file. */
    record Words(Set<String> words, Set<String> registrationWords) {
    }

    static final Supplier<Words> WORDS = CheckData.once(() -> CheckData.load("upstream-content-reflected", "parameters.json", Words.class));
    static final int MAX_PARAMETERS = 6;
    /** How long all planted tokens together may wait for the canary's log to show the fetch. */
    static final Duration WAIT = Duration.ofSeconds(3);

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("upstream-content-reflected",
            Category.UNSAFE_CONSUMPTION, "Upstream content relayed without validation",
            "Points URL-accepting parameters at Parapet's canary page and reports responses that hand the fetched"
                    + " markup back verbatim.",
            Severity.MEDIUM, List.of(20, 79), MAX_PARAMETERS, Set.of("injection", CanaryEvidence.TAG),
            "Treat what an upstream returns as untrusted input: check its content type against what the feature"
                    + " expects (e.g. image/png only), parse it into your own structure and re-serialise, never relay"
                    + " the raw body or its Content-Type; set `X-Content-Type-Options: nosniff` and"
                    + " `Content-Security-Policy: default-src 'none'` on relayed content.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }


    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Optional<String> unavailable = CanaryRound.unavailable(ctx);
        if (unavailable.isPresent()) {
            return CheckOutcome.notApplicable(unavailable.get());
        }
        List<FetchParameter> parameters = FetchParameter.find(ctx.inventory(), WORDS.get().words(), Integer.MAX_VALUE)
                .stream().filter(p -> !FetchParameter.hasWord(p.name(), WORDS.get().registrationWords()))
                .limit(MAX_PARAMETERS).toList();
        if (parameters.isEmpty()) {
            return CheckOutcome.notApplicable("no URL-accepting query parameter among "
                    + ctx.inventory().endpoints().size() + " known endpoints");
        }
        CanaryRound<FetchParameter> round = CanaryRound.start(ctx);
        round.plant(parameters, p -> "relay " + p.path() + " " + p.name(),
                (p, url) -> ProbeRequest.get(p.withValue(url)));
        // only a response that carried the canary's page back is worth waiting for the fetch that proves it
        return CheckOutcome.findings(round.called(WAIT, p -> p.probe().answered()
                && p.token().markupIn(p.probe().body())).stream()
                .map(UpstreamContentReflectedCheck::finding).toList());
    }

    private static Finding finding(CanaryRound.Called<FetchParameter> called) {
        CanaryRound.Planted<FetchParameter> pl = called.planted();
        List<CanaryHit> hits = called.hits();
        FetchParameter p = pl.subject();
        String type = pl.probe().responseHeaders().first("Content-Type").orElse("none");
        String evidence = p.name() + "=" + pl.token().url() + " -> response (Content-Type: " + type
                + ") carried the canary's markup verbatim: " + pl.token().markup() + "; "
                + CanaryEvidence.line(pl.token(), hits);
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("Upstream content relayed without validation through the '" + p.name() + "' parameter")
                .endpoint(p.endpoint()).parameter(p.name())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(pl.probe()).exchange(CanaryEvidence.exchangeOf(pl.token(), hits.getFirst()))
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references())
                .tags(DESCRIPTOR.tags())
                .build();
    }
}
