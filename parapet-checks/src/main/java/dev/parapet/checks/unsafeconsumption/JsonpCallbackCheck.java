package dev.parapet.checks.unsafeconsumption;

import java.util.function.Supplier;
import dev.parapet.checks.support.CheckData;
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
import java.util.List;
import java.util.Set;

/**
 * Finds JSON endpoints that also answer as JSONP: given {@code callback=<name>} (or {@code jsonp}, {@code cb}) they
 * wrap the data in a call to the caller's function, so any web page can read it cross-origin with the visitor's
 * cookies, bypassing CORS. Each probe uses a function name unique to the endpoint; the body starting with
 * {@code name(} is the artefact itself, so CONFIRMED. Stateless and thread-safe.
 */
public final class JsonpCallbackCheck implements Check {

    /** Callback parameter names and the wrapper prefixes skipped before the function name. */
    record Rules(List<String> parameters, List<String> ignoredPrefixes) {
    }

    static final Supplier<Rules> RULES = CheckData.once(() -> CheckData.load("jsonp-callback", "parameters.json", Rules.class));
    static final int MAX_ENDPOINTS = 4;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("jsonp-callback", Category.UNSAFE_CONSUMPTION,
            "JSONP callback exposes data cross-origin",
            "Requests JSON endpoints with callback=/jsonp=/cb= set to a unique function name and reports those "
                    + "that answer with JavaScript calling that function.",
            Severity.MEDIUM, List.of(346, 749), MAX_ENDPOINTS * RULES.get().parameters().size(), Set.of("jsonp", "cors"),
            "Remove JSONP support and serve plain JSON with an explicit CORS allow-list; where JSONP must stay, "
                    + "serve only public data and restrict callback names to [A-Za-z0-9_.]{1,64}.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode sends no callback parameters");
        }
        Set<URI> docs = Set.copyOf(ctx.inventory().apiDocuments());
        List<URI> endpoints = ctx.inventory().answeredGets().stream()
                .filter(e -> e.response().isSuccess() && e.response().isJson())
                .map(e -> e.request().uri()).filter(u -> !docs.contains(u)).distinct().limit(MAX_ENDPOINTS).toList();
        List<Finding> findings = new ArrayList<>();
        int n = 0;
        for (URI uri : endpoints) {
            n++;
            for (String parameter : RULES.get().parameters()) {
                String function = "parapetJsonp" + n + "_" + parameter;
                Exchange e = ctx.probe(ProbeRequest.get(QueryParameters.with(uri, parameter, function)));
                if (wraps(e.body(), function) && e.response() != null && e.response().isSuccess()) {
                    findings.add(finding(uri, parameter, function, e));
                    break;
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** Whether {@code body}, past whitespace and the known prefixes, starts with {@code function(}. */
    static boolean wraps(String body, String function) {
        String rest = body.stripLeading();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String prefix : RULES.get().ignoredPrefixes()) {
                if (rest.startsWith(prefix)) {
                    rest = skipGuard(rest.substring(prefix.length()), prefix).stripLeading();
                    changed = true;
                }
            }
        }
        return rest.startsWith(function + "(") || rest.startsWith(function + " (");
    }

    /** After {@code typeof}, skips the guard up to its {@code &&} ({@code typeof f === 'function' && f(...)}). */
    private static String skipGuard(String rest, String prefix) {
        if (!prefix.startsWith("typeof")) {
            return rest;
        }
        int and = rest.indexOf("&&");
        return and < 0 || and > 80 ? rest : rest.substring(and + 2);
    }

    private static Finding finding(URI uri, String parameter, String function, Exchange e) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String body = e.body().stripLeading();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("JSONP callback wraps " + path + " for any caller")
                .endpoint(new Endpoint("GET", uri, Endpoint.Source.DISCOVERED)).parameter(parameter)
                .evidence(Snippets.oneLine(parameter + "=" + function + " -> " + e.response().contentType() + ": "
                        + body.substring(0, Math.min(120, body.length())), Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
