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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds redirect parameters ({@code next}, {@code url}, {@code returnTo} …) that send visitors to any host. Each
 * known URL carrying such a parameter is requested with the value replaced by a URL of
 * {@code parapet-redirect.invalid} in the spellings of {@code checks/open-redirect/parameters.json}: the plain
 * absolute URL first, then those that get past naive filters ({@code //host}, {@code /\host}, {@code https:host},
 * {@code https://trusted@host}, {@code https://host/#trusted}, {@code https://trusted.host}, encoded slashes), until
 * one works. It works when the answer really sends the browser there: a 3xx {@code Location}, or a 2xx HTML page's
 * meta refresh or script {@code location} ({@link PageRedirects}), leading to that host or a subdomain of it as a
 * browser resolves it against the probed URL ({@link BrowserUrls}). That is the artefact itself, so CONFIRMED; a
 * refusal that merely names the URL ({@code 200 {"error": ...}}) is nothing. Redirects are never followed.
 * Stateless and thread-safe.
 */
public final class OpenRedirectCheck implements Check {

    /** One way of writing the outside URL; {@code passes} names the filters it gets past, for the evidence. */
    record Spelling(String id, String value, String passes) {
        /** The value with {@code {evil}} and {@code {trusted}} filled in. */
        String build(String evil, String trusted) {
            return value.replace("{evil}", evil).replace("{trusted}", trusted);
        }
    }

    /** Parameter names, spellings and the outside host, from {@code checks/open-redirect/parameters.json}. */
    record Rules(List<String> parameters, List<Spelling> spellings, String probeHost) {
        boolean isRedirectParameter(String name) {
            return parameters.stream().anyMatch(p -> p.equalsIgnoreCase(name));
        }
    }

    static final Supplier<Rules> RULES = CheckData.once(() -> CheckData.load("open-redirect", "parameters.json", Rules.class));
    static final int MAX_CANDIDATES = 6;
    /** Spellings in the data file; the descriptor's budget is fixed before the file is read. */
    static final int MAX_SPELLINGS = 12;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("open-redirect", Category.UNSAFE_CONSUMPTION,
            "Open redirect",
            "Sets redirect-style query parameters (next, url, returnTo, continue …) to an outside host, also in "
                    + "spellings that get past naive filters (//host, /\\host, https:host, trusted@host, host#trusted, "
                    + "trusted.host, encoded slashes), and reports those whose Location, meta refresh or script "
                    + "location then leads a browser there.",
            Severity.MEDIUM, List.of(601), MAX_CANDIDATES * MAX_SPELLINGS,
            Set.of("redirect", "phishing"),
            "Redirect only to relative paths or to an allow-list of hosts, judged on the URL as a browser parses it: "
                    + "refuse backslashes and control characters; accept a path only when it starts with one '/' not "
                    + "followed by '/' or '\\'; otherwise parse it (java.net.URI, new URL() in Node, urllib.parse) and "
                    + "compare its scheme and host exactly with the allow-list, never with contains(), startsWith() "
                    + "or endsWith(). Never copy a parameter into Location, a meta refresh or location= unchecked.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode sends no crafted parameter values");
        }
        Map<String, URI> candidates = candidates(ctx);
        if (candidates.isEmpty()) {
            return CheckOutcome.notApplicable("no URL with a redirect-style parameter was found");
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, URI> c : candidates.entrySet()) {
            String parameter = c.getKey().substring(c.getKey().indexOf(' ') + 1);
            URI uri = c.getValue();
            for (Spelling s : RULES.get().spellings()) {
                String value = s.build(RULES.get().probeHost(), uri.getHost() == null ? "" : uri.getHost());
                Exchange e = ctx.probe(ProbeRequest.get(QueryParameters.with(uri, parameter, value)));
                Optional<PageRedirects.Target> outside = outsideTarget(e);
                if (outside.isPresent()) {
                    findings.add(finding(uri, parameter, s, value, outside.get(), e));
                    break;
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** Path plus parameter name to the first known URL carrying it, at most {@link #MAX_CANDIDATES}. */
    private static Map<String, URI> candidates(CheckContext ctx) {
        List<URI> known = new ArrayList<>();
        ctx.inventory().endpoints().stream().filter(ep -> ep.method().equals("GET")).map(Endpoint::uri)
                .forEach(known::add);
        ctx.inventory().exchanges().forEach(e -> known.add(e.request().uri()));
        Map<String, URI> out = new LinkedHashMap<>();
        for (URI uri : known) {
            if (uri.toString().contains("{")) {
                continue;
            }
            for (String name : QueryParameters.names(uri)) {
                if (RULES.get().isRedirectParameter(name) && out.size() < MAX_CANDIDATES) {
                    out.putIfAbsent(uri.getRawPath() + " " + name, uri);
                }
            }
        }
        return out;
    }

    /** The first place the answer sends the browser that lies on the probe's outside host. */
    static Optional<PageRedirects.Target> outsideTarget(Exchange e) {
        for (PageRedirects.Target t : PageRedirects.of(e)) {
            Optional<String> host = BrowserUrls.hostOf(e.request().uri(), t.url());
            if (host.isPresent() && BrowserUrls.within(host.get(), RULES.get().probeHost())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Finding finding(URI uri, String parameter, Spelling spelling, String value,
                                   PageRedirects.Target target, Exchange e) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String through = target.kind() == PageRedirects.Kind.LOCATION ? "" : " (" + target.kind().label() + ")";
        List<String> parts = new ArrayList<>(List.of(parameter + "=" + value + " -> " + e.status() + " "
                + target.kind().label() + ": " + target.url(),
                "a browser goes to " + BrowserUrls.hostOf(e.request().uri(), target.url()).orElse("?")));
        if (!spelling.id().equals("absolute")) {
            parts.add("spelling: " + spelling.id() + ", which gets past " + spelling.passes());
        }
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("Open redirect through '" + parameter + "' on " + path + through)
                .endpoint(new Endpoint("GET", uri, Endpoint.Source.DISCOVERED)).parameter(parameter)
                .evidence(Snippets.join(parts))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags());
        if (!spelling.id().equals("absolute")) {
            b.tag("filter-bypass");
        }
        return b.build();
    }
}
