package dev.parapet.checks.ratelimiting;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a small bounded burst ({@link #BURST} GETs) to one cheap read endpoint and reports the absence of rate
 * limiting only when every request of the burst was answered successfully and neither the burst nor any exchange
 * discovery recorded showed a 429 or a rate-limit header. The burst is paced by the engine at the scan's own rate,
 * never faster. Each request carries a distinct {@code _parapet=<n>} query parameter so the engine's probe cache does
 * not collapse the burst into one request.
 *
 * <p>Twenty requests are weak evidence: a limit of, say, 100 per minute does not show. The finding is therefore
 * TENTATIVE and says so. Stateless and thread-safe.
 */
public final class RateLimitAbsentCheck implements Check {

    /** Requests in the burst: enough to cross the tightest common limits (10/s, 20/min), small enough to be harmless. */
    static final int BURST = 20;
    static final String BUST_PARAMETER = "_parapet";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("rate-limit-absent", Category.RATE_LIMITING,
            "No rate limiting observed",
            "Sends a bounded burst of " + BURST + " cheap GET requests to one read endpoint and reports when none "
                    + "was throttled (429) and no RateLimit-*, X-RateLimit-* or Retry-After header appeared.",
            Severity.MEDIUM, List.of(770, 307), BURST, Set.of("rate-limit", "resource-consumption"),
            "Throttle per client (API key, token or IP) at the gateway and announce it, e.g. nginx "
                    + "'limit_req zone=api burst=20 nodelay;' or express-rate-limit with standardHeaders: true, "
                    + "answering 429 with Retry-After and RateLimit-* headers.");

    private static final Supplier<RateLimitSignals> SIGNALS = CheckData.once(() -> RateLimitSignals.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode sends no request bursts");
        }
        for (Exchange recorded : ctx.inventory().exchanges()) {
            if (SIGNALS.get().in(recorded).isPresent()) {
                return CheckOutcome.findings(List.of());
            }
        }
        Optional<Exchange> base = cheapestRead(ctx);
        if (base.isEmpty()) {
            return CheckOutcome.notApplicable("no successful GET endpoint to send a burst to");
        }
        URI uri = base.get().request().uri();
        List<Exchange> burst = new ArrayList<>();
        for (int n = 1; n <= BURST && ctx.remainingBudget() > 0; n++) {
            Exchange e = ctx.probe(ProbeRequest.get(withParameter(uri, n)));
            if (SIGNALS.get().in(e).isPresent()) {
                return CheckOutcome.findings(List.of());
            }
            if (!e.answered() || !e.response().isSuccess()) {
                // an incomplete burst proves nothing either way
                return CheckOutcome.findings(List.of());
            }
            burst.add(e);
        }
        if (burst.size() < BURST) {
            return CheckOutcome.findings(List.of());
        }
        return CheckOutcome.findings(List.of(finding(base.get(), burst)));
    }

    /**
     * Where the burst goes: a successful list-style JSON read (an array, or an object holding one under a common
     * wrapper) with the smallest body, else any successful JSON GET, else the root itself. Never an operation the
     * engine judged state-changing ({@code GET /createdb}): a burst must not repeat a write.
     */
    static Optional<Exchange> cheapestRead(CheckContext ctx) {
        URI target = ctx.inventory().target();
        Set<URI> docs = Set.copyOf(ctx.inventory().apiDocuments());
        Set<String> stateChanging = ctx.inventory().surface().operations().stream()
                .filter(op -> op.changesState().isPresent()).map(op -> op.uri().getRawPath())
                .collect(java.util.stream.Collectors.toSet());
        List<Exchange> ok = ctx.inventory().answeredGets().stream()
                .filter(e -> e.response().isSuccess() && !docs.contains(e.request().uri()))
                .filter(e -> e.request().uri().getRawQuery() == null)
                .filter(e -> !stateChanging.contains(e.request().uri().getRawPath()))
                .toList();
        Comparator<Exchange> smallest = Comparator.comparingLong(e -> e.response().bodyBytes());
        return ok.stream().filter(e -> e.response().isJson() && !e.request().uri().equals(target))
                .filter(e -> RecordList.of(e.body()).isPresent()).min(smallest)
                .or(() -> ok.stream().filter(e -> e.response().isJson() && !e.request().uri().equals(target))
                        .min(smallest))
                .or(() -> ok.stream().filter(e -> e.request().uri().equals(target)).findFirst());
    }

    static URI withParameter(URI uri, int n) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        String base = hash < 0 ? s : s.substring(0, hash);
        return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + BUST_PARAMETER + "=" + n);
    }

    private static Finding finding(Exchange base, List<Exchange> burst) {
        URI uri = base.request().uri();
        String evidence = burst.size() + " back-to-back GET requests to " + path(uri) + " were all answered "
                + burst.getLast().status() + " with no 429 and no RateLimit-*, X-RateLimit-* or Retry-After header "
                + "(nor on any of discovery's " + "recorded answers). A " + burst.size() + "-request burst is weak "
                + "evidence: a limit above " + burst.size() + " requests per window would not show.";
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.TENTATIVE)
                .title("No rate limiting observed on " + path(uri))
                .endpoint(new Endpoint("GET", uri, Endpoint.Source.DISCOVERED))
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(burst.getFirst()).exchange(burst.getLast())
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }

    static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
