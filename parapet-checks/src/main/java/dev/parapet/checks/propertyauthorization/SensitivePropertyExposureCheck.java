package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.Responses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sensitive properties in responses, judged without an API description: credential-like properties with a real
 * value ({@code password}, {@code salt}, {@code api_key}, {@code ssn} …) are HIGH/FIRM, internal ones
 * ({@code internal_notes}, {@code fraud_score}) LOW/TENTATIVE. Values another data-exposure check reports by their
 * format (bcrypt hashes, JWTs, cloud keys, SSNs) are left to it; responses whose operation the spec documents are
 * left to {@code spec-property-overexposure}; tokens from login and token routes are the point of those routes.
 * Names are data ({@code properties.json}). Stateless and thread-safe.
 */
public final class SensitivePropertyExposureCheck implements Check {

    private static final SensitiveProperties NAMES = SensitiveProperties.load();
    private static final Pattern TOKEN_ROUTE = Pattern.compile(
            "(?i)/(oauth2?|auth|login|signin|sign-in|token|tokens|session|sessions|refresh)(/|$)");
    /** Endpoints without a recorded answer fetched per scan. */
    private static final int MAX_FETCHES = 6;
    /** JSON nodes walked per answer: a page of records, bounded for huge bodies. */
    private static final int MAX_NODES = 5_000;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("sensitive-property-exposure",
            Category.PROPERTY_AUTHORIZATION, "Sensitive or internal properties returned to clients",
            "Finds credential-like and internal properties with real values in JSON responses of operations no "
                    + "API description documents.",
            Severity.HIGH, List.of(213, 200), MAX_FETCHES, Set.of("over-exposure", "excessive-data-exposure"),
            "Serialise responses through an explicit response model listing the fields clients may see (e.g. "
                    + "`SELECT id, name FROM users` or a DTO), never whole rows or entities with credential columns.");

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
        List<Finding> findings = new ArrayList<>();
        for (Exchange e : Responses.toExamine(ctx, MAX_FETCHES)) {
            if (e.status() / 100 != 2 || ctx.inventory().apiDocuments().contains(e.request().uri())
                    || documented(ctx, e)) {
                continue;
            }
            Map<String, String> credentials = new LinkedHashMap<>();
            Map<String, String> internal = new LinkedHashMap<>();
            Set<String> elsewhere = new java.util.HashSet<>();
            boolean tokenRoute = TOKEN_ROUTE.matcher(e.request().uri().getRawPath()).find();
            SpecResponses.json(e).ifPresent(n -> walk(n, credentials, internal, elsewhere, new int[] {0}));
            // a field another check reports for one record is that check's finding on this response
            credentials.keySet().removeAll(elsewhere);
            if (tokenRoute) {
                credentials.keySet().removeIf(k -> PropertyNames.normal(k).contains("token"));
            }
            if (!credentials.isEmpty()) {
                findings.add(finding(e, credentials, true));
            }
            if (!internal.isEmpty()) {
                findings.add(finding(e, internal, false));
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static boolean documented(CheckContext ctx, Exchange e) {
        return ctx.inventory().spec().match(e.request().method(), e.request().uri())
                .filter(op -> !op.responseSchemaProperties().isEmpty()).isPresent();
    }

    private static void walk(JsonNode node, Map<String, String> credentials, Map<String, String> internal,
                             Set<String> elsewhere, int[] visited) {
        if (visited[0]++ > MAX_NODES) {
            return;
        }
        if (node.isArray()) {
            node.forEach(c -> walk(c, credentials, internal, elsewhere, visited));
            return;
        }
        node.properties().forEach(p -> {
            String name = p.getKey();
            JsonNode v = p.getValue();
            String normal = PropertyNames.normal(name);
            boolean text = v.isTextual() || v.isNumber();
            boolean value = text && !NAMES.notAValue().matcher(v.asText()).matches();
            if (value && NAMES.credentials().contains(normal)) {
                if (SensitiveProperties.reportedElsewhere(name, v.asText())) {
                    elsewhere.add(name);
                } else {
                    credentials.putIfAbsent(name, v.asText());
                }
            } else if (NAMES.internal().contains(normal) && (value || v.isBoolean() && v.asBoolean())) {
                internal.putIfAbsent(name, v.asText());
            } else if (v.isContainerNode()) {
                walk(v, credentials, internal, elsewhere, visited);
            }
        });
    }

    private static Finding finding(Exchange e, Map<String, String> found, boolean credential) {
        String path = e.request().uri().getRawPath();
        List<String> shown = found.entrySet().stream().limit(4)
                .map(x -> x.getKey() + "=" + (credential ? Snippets.mask(x.getValue(), 2) : Snippets.oneLine(
                        x.getValue(), 30))).toList();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(credential ? Severity.HIGH : Severity.LOW)
                .confidence(credential ? Confidence.FIRM : Confidence.TENTATIVE)
                .title("Response of GET " + path + " carries " + (credential ? "credential" : "internal")
                        + " properties " + found.keySet())
                .evidence(Snippets.join(List.of(found.size() + " " + (credential ? "credential-like" : "internal")
                        + " properties with values", String.join(", ", shown))))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(credential ? "credentials" : "internal")
                .build();
    }
}
