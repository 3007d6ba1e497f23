package dev.parapet.checks.unsafeconsumption;

import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Responses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds plain {@code http://} URLs to third-party hosts in JSON fields that name fetched resources (webhooks,
 * callbacks, images, feeds): whoever fetches them — the API itself or its clients — can be served tampered content
 * by anyone on the path. URLs to the target's own host (that is {@code plain-http}'s concern) and namespace
 * identifiers ({@code http://json-schema.org/…}) are ignored. The URL read from the body is the artefact, and its
 * field name the second signal, so FIRM; the impact depends on who fetches it, hence LOW. Needs no probes beyond a
 * few plain GETs of spec endpoints discovery did not fetch. Stateless and thread-safe.
 */
public final class InsecureUpstreamLinksCheck implements Check {

    record Rules(List<String> urlFieldHints, List<String> ignoredHosts) {
        boolean urlField(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return urlFieldHints.stream().anyMatch(n::contains);
        }
    }

    private record Link(String field, String url) {
    }

    static final Supplier<Rules> RULES = CheckData.once(() -> CheckData.load("insecure-upstream-links", "fields.json", Rules.class));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FETCHES = 5;
    private static final int MAX_LINKS_SHOWN = 3;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("insecure-upstream-links",
            Category.UNSAFE_CONSUMPTION, "Plain-http upstream URLs",
            "Reports plain http:// URLs to third-party hosts in JSON fields for webhooks, callbacks, images and "
                    + "feeds, which are fetched without integrity or confidentiality.",
            Severity.LOW, List.of(319), MAX_FETCHES, Set.of("upstream", "cleartext"),
            "Store and serve only https:// URLs for integrations; reject http:// when a webhook, feed or image URL "
                    + "is registered (e.g. validate with 'uri.getScheme().equals(\"https\")').");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Judges every recorded answer ({@link dev.parapet.checks.support.Responses#toExamine}). */
    @Override
    public boolean readsRecordedAnswers() {
        return true;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        String own = String.valueOf(ctx.inventory().target().getHost()).toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        for (Exchange e : Responses.toExamine(ctx, MAX_FETCHES)) {
            if (!e.response().isJson() || !e.response().isSuccess()) {
                continue;
            }
            List<Link> links = new ArrayList<>();
            try {
                collect(JSON.readTree(e.body()), "", own, links);
            } catch (Exception notJson) {
                continue;
            }
            if (!links.isEmpty()) {
                findings.add(finding(e, links));
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static void collect(JsonNode node, String field, String ownHost, List<Link> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && RULES.get().urlField(field) && isThirdPartyHttp(node.asText(), ownHost)) {
            out.add(new Link(field, node.asText()));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), f.getKey(), ownHost, out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, ownHost, out));
        }
    }

    static boolean isThirdPartyHttp(String value, String ownHost) {
        if (!value.regionMatches(true, 0, "http://", 0, 7)) {
            return false;
        }
        try {
            String host = URI.create(value.trim()).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return !h.equals(ownHost) && RULES.get().ignoredHosts().stream().noneMatch(h::equals);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Finding finding(Exchange e, List<Link> links) {
        URI uri = e.request().uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        List<String> shown = links.stream().limit(MAX_LINKS_SHOWN).map(l -> l.field() + ": " + l.url()).toList();
        String more = links.size() > MAX_LINKS_SHOWN ? "; and " + (links.size() - MAX_LINKS_SHOWN) + " more" : "";
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.FIRM)
                .title("Plain-http upstream URLs in " + path)
                .endpoint(new Endpoint("GET", uri, Endpoint.Source.DISCOVERED))
                .parameter(links.getFirst().field())
                .evidence(Snippets.oneLine(String.join("; ", shown) + more, Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
