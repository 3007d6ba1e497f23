package dev.parapet.checks.dataexposure;

import java.util.function.Supplier;
import dev.parapet.checks.dataexposure.ErrorSignatures.Disclosure;
import dev.parapet.checks.dataexposure.ErrorSignatures.Kind;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds stack traces, framework debug pages and database error texts in responses. Recorded responses (bar API
 * description documents, whose examples may quote errors) are read first; only when none discloses anything are a few malformed GETs sent to discovered endpoints (see
 * {@link ErrorProbes}), moving on to the next endpoint as soon as one discloses, until the budget is spent. Confidence counts independent signals:
 * each matching signature, an absolute source path, and a signature absent from the endpoint's normal response
 * (control). Two or more make it FIRM. Stack traces and error pages are MEDIUM, HIGH with absolute paths and
 * versions or an interactive debugger; database errors are their own MEDIUM finding.
 */
public final class ErrorDisclosureCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("error-disclosure", Category.DATA_EXPOSURE,
            "Stack traces and error details disclosed",
            "Error responses reveal stack traces, framework debug pages or database error messages: file paths,"
                    + " library versions, queries and table names that help an attacker aim.",
            Severity.MEDIUM, List.of(209, 497), 15, Set.of(),
            "Handle errors in one place and return a generic body such as `{\"error\":\"internal error\","
                    + "\"requestId\":\"…\"}`; log details server-side only and switch debug modes off in production.");

    static final Supplier<ErrorSignatures> SIGNATURES = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "signatures.json",
            ErrorSignatures.class));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        for (Exchange e : ctx.inventory().exchanges()) {
            if (e.answered() && !ctx.inventory().apiDocuments().contains(e.request().uri())) {
                SIGNATURES.get().disclosures(e.body()).forEach(d -> findings.add(finding(d, e, null)));
            }
        }
        if (findings.isEmpty()) {
            provoke(ctx, findings);
        }
        return CheckOutcome.findings(findings);
    }

    private static void provoke(CheckContext ctx, List<Finding> findings) throws InterruptedException {
        Set<URI> tried = new HashSet<>();
        for (Exchange normal : ctx.inventory().answeredGets()) {
            URI uri = normal.request().uri();
            if (normal.status() >= 400 || ctx.inventory().apiDocuments().contains(uri) || !tried.add(uri)) {
                continue;
            }
            for (URI variant : ErrorProbes.variants(uri, SIGNATURES.get().probes())) {
                if (ctx.remainingBudget() <= 0) {
                    return;
                }
                Exchange e = ctx.probe(ProbeRequest.get(variant));
                List<Disclosure> found = e.answered() ? SIGNATURES.get().disclosures(e.body()) : List.of();
                found.forEach(d -> findings.add(finding(d, e, normal)));
                if (!found.isEmpty()) {
                    break;
                }
            }
        }
    }

    /** {@code control}: the endpoint's normal response when {@code e} was provoked, else null. */
    private static Finding finding(Disclosure d, Exchange e, Exchange control) {
        List<String> signals = new ArrayList<>(d.ids());
        if (!d.isSql() && d.absolutePath()) {
            signals.add("absolute source path");
        }
        if (control != null && SIGNATURES.get().disclosures(control.body()).stream()
                .noneMatch(c -> c.ids().stream().anyMatch(d.ids()::contains))) {
            signals.add("absent from the normal response");
        }
        boolean towardsHost = d.matched().stream().anyMatch(ErrorSignatures.Signature::towardsHost);
        Severity severity = d.isSql() ? Severity.MEDIUM
                : towardsHost || d.absolutePath() && d.version() ? Severity.HIGH : Severity.MEDIUM;
        int independent = signals.size();
        if (!d.isSql() && d.version()) {
            signals.add("versions");
        }
        String evidence = "Signals: " + String.join(", ", signals) + ". "
                + Snippets.around(e.body(), d.start(), d.end(), 80);
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity)
                .confidence(independent >= 2 ? Confidence.FIRM : Confidence.TENTATIVE)
                .title(title(d))
                .discriminator(d.isSql() ? "sql" : "application")
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(d.isSql() ? "Catch database errors and answer with a generic message; bind every value"
                        + " as a query parameter and allow-list identifiers (table, column, sort order), so"
                        + " malformed input is rejected before it reaches SQL." : DESCRIPTOR.remediation()
                        + (towardsHost ? " Never run the interactive debugger outside a developer's machine"
                        + " (Flask: `debug=False`)." : ""))
                .references(DESCRIPTOR.references());
        if (control != null) {
            b.exchange(control);
        }
        if (towardsHost) {
            b.tag(Finding.TAG_CONTAINER_ESCAPE);
        }
        return b.build();
    }

    private static String title(Disclosure d) {
        if (d.isSql()) {
            return d.frameworks() + " error text disclosed in a response";
        }
        boolean trace = d.matched().stream().anyMatch(s -> s.kind() == Kind.STACK_TRACE);
        return d.frameworks() + (trace ? " stack trace disclosed in a response" : " debug error page exposed");
    }
}
