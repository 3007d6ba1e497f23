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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds list endpoints whose page size the caller controls without a cap. For up to {@link #MAX_LISTS} JSON list
 * endpoints discovery answered, the default page is compared with the same URL plus {@code <parameter>=1000} for
 * each usual page-size parameter: a page with more records than the default and more than the sane maximum (100)
 * is two signals (the parameter took effect, and no cap stopped it), so MEDIUM FIRM. Independently, a recorded
 * default page above 1 MiB or 1000 records is reported LOW as oversized. Read-only GETs only; the probes carry a
 * size, nothing else. Stateless and thread-safe.
 */
public final class UnboundedPageSizeCheck implements Check {

    static final int MAX_LISTS = 3;
    private static final Supplier<PageSizeRules> RULES = CheckData.once(() -> PageSizeRules.load());

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("unbounded-page-size", Category.RATE_LIMITING,
            "List endpoint page size is unbounded",
            "Compares the default page of JSON list endpoints with the page returned for limit/size/per_page=1000 "
                    + "and reports pages far beyond a sane maximum, and oversized default responses.",
            Severity.MEDIUM, List.of(770, 400), MAX_LISTS * RULES.get().pageSizeParameters().size(),
            Set.of("pagination", "resource-consumption"),
            "Clamp page sizes on the server, e.g. 'int size = Math.min(requested, 100);' (Spring Data: "
                    + "spring.data.web.pageable.max-page-size=100), and paginate every list by default.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        List<Exchange> lists = new ArrayList<>();
        for (Exchange e : ctx.inventory().answeredGets()) {
            if (!e.response().isSuccess() || !e.response().isJson()) {
                continue;
            }
            Optional<RecordList> records = RecordList.of(e.body());
            oversized(e, records).ifPresent(findings::add);
            if (records.isPresent() && e.request().uri().getRawQuery() == null && lists.size() < MAX_LISTS) {
                lists.add(e);
            }
        }
        if (ctx.mode() != ScanMode.PASSIVE) {
            for (Exchange list : lists) {
                unbounded(ctx, list, RecordList.of(list.body()).orElseThrow()).ifPresent(findings::add);
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** Tries each page-size parameter until one takes effect; reports it when the page then exceeds the cap. */
    private static Optional<Finding> unbounded(CheckContext ctx, Exchange base, RecordList page)
            throws InterruptedException {
        for (String parameter : RULES.get().pageSizeParameters()) {
            if (ctx.remainingBudget() <= 0) {
                return Optional.empty();
            }
            Exchange big = ctx.probe(ProbeRequest.get(with(base.request().uri(), parameter, RULES.get().requestedSize())));
            if (!big.answered() || !big.response().isSuccess()) {
                continue;
            }
            int count = RecordList.countIn(big.body(), page.field()).orElse(0);
            if (count > page.count() && count > RULES.get().saneMaximum()) {
                return Optional.of(unboundedFinding(base, big, parameter, page, count));
            }
            if (count > page.count()) {
                return Optional.empty(); // the parameter works and is capped: the safe behaviour
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> oversized(Exchange e, Optional<RecordList> records) {
        long bytes = Math.max(e.response().bodyBytes(), e.responseHeaders().first("Content-Length")
                .filter(v -> v.trim().matches("\\d{1,15}")).map(v -> Long.parseLong(v.trim())).orElse(0L));
        int count = records.map(RecordList::count).orElse(0);
        if (bytes <= RULES.get().oversizedBytes() && count <= RULES.get().oversizedElements() && !e.response().truncated()) {
            return Optional.empty();
        }
        String evidence = "the default response of " + RateLimitAbsentCheck.path(e.request().uri()) + " is "
                + bytes + " bytes" + (count > 0 ? " with " + count + " records" : "")
                + (e.response().truncated() ? " (cut at the scan's body cap)" : "") + "; limits: "
                + RULES.get().oversizedBytes() + " bytes, " + RULES.get().oversizedElements() + " records";
        return Optional.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.FIRM)
                .title("Oversized default response on " + RateLimitAbsentCheck.path(e.request().uri()))
                .endpoint(new Endpoint("GET", e.request().uri(), Endpoint.Source.DISCOVERED))
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE)).exchange(e)
                .remediation("Paginate the list by default (e.g. 20-50 records per page with a next link) and "
                        + "cap the page size on the server.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags()).discriminator("oversized")
                .build());
    }

    /** Confirmed: the oversized page itself was read back and its records counted. */
    private static Finding unboundedFinding(Exchange base, Exchange big, String parameter, RecordList page,
                                            int count) {
        String where = page.field().isEmpty() ? "records" : "'" + page.field() + "' records";
        String evidence = "default page: " + page.count() + " " + where + "; " + parameter + "="
                + RULES.get().requestedSize() + ": " + count + " " + where + " (" + big.response().bodyBytes()
                + " bytes), above the sane maximum of " + RULES.get().saneMaximum();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("Page size of " + RateLimitAbsentCheck.path(base.request().uri()) + " is not capped")
                .endpoint(new Endpoint("GET", base.request().uri(), Endpoint.Source.DISCOVERED))
                .parameter(parameter)
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE)).exchange(big).exchange(base)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags()).discriminator("unbounded")
                .build();
    }

    static URI with(URI uri, String name, int value) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        String base = hash < 0 ? s : s.substring(0, hash);
        return URI.create(base + (uri.getRawQuery() == null ? "?" : "&")
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + value);
    }
}
