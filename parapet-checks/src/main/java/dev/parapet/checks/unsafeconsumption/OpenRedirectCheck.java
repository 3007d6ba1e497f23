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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds redirect parameters ({@code next}, {@code url}, {@code returnTo} …) that send visitors to any host. Each
 * known URL carrying such a parameter is requested with the value replaced by an absolute, then a protocol-relative
 * URL of {@code parapet-redirect.invalid}; a {@code Location} header that resolves to that host is the artefact
 * itself, so CONFIRMED. Redirects are never followed. Stateless and thread-safe.
 */
public final class OpenRedirectCheck implements Check {

    /** Parameter names, probe values and the outside host, from {@code checks/open-redirect/parameters.json}. */
    record Rules(List<String> parameters, List<String> probeTargets, String probeHost) {
        boolean isRedirectParameter(String name) {
            return parameters.stream().anyMatch(p -> p.equalsIgnoreCase(name));
        }
    }

    static final Supplier<Rules> RULES = CheckData.once(() -> CheckData.load("open-redirect", "parameters.json", Rules.class));
    static final int MAX_CANDIDATES = 6;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("open-redirect", Category.UNSAFE_CONSUMPTION,
            "Open redirect",
            "Sets redirect-style query parameters (next, url, returnTo, continue …) to an outside host and reports "
                    + "those whose Location header then points there.",
            Severity.MEDIUM, List.of(601), MAX_CANDIDATES * RULES.get().probeTargets().size(),
            Set.of("redirect", "phishing"),
            "Redirect only to relative paths or to an allow-list of hosts, e.g. 'if (!next.startsWith(\"/\") || "
                    + "next.startsWith(\"//\")) next = \"/\";', and never copy a parameter into Location unchecked.");

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
            for (String value : RULES.get().probeTargets()) {
                Exchange e = ctx.probe(ProbeRequest.get(QueryParameters.with(c.getValue(), parameter, value)));
                Optional<String> location = outsideLocation(e);
                if (location.isPresent()) {
                    findings.add(finding(c.getValue(), parameter, value, location.get(), e));
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

    /** The Location of a redirect answer when it resolves to the probe's outside host. */
    static Optional<String> outsideLocation(Exchange e) {
        if (!e.answered() || e.status() < 300 || e.status() >= 400) {
            return Optional.empty();
        }
        Optional<String> location = e.responseHeaders().first("Location").map(String::trim);
        return location.filter(l -> hostOf(e.request().uri(), l)
                .map(h -> h.equals(RULES.get().probeHost())).orElse(false));
    }

    private static Optional<String> hostOf(URI base, String location) {
        try {
            String host = base.resolve(location.replace('\\', '/')).getHost();
            return Optional.ofNullable(host).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Finding finding(URI uri, String parameter, String value, String location, Exchange e) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("Open redirect through '" + parameter + "' on " + path)
                .endpoint(new Endpoint("GET", uri, Endpoint.Source.DISCOVERED)).parameter(parameter)
                .evidence(Snippets.oneLine(parameter + "=" + value + " -> " + e.status() + " Location: " + location,
                        Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
