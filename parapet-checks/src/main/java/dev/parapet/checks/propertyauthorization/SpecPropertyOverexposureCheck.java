package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Property-level authorization judged against the API description: responses carrying properties their (closed)
 * response schema does not declare, read from the live answer itself; sensitive property names declared in
 * response schemas; privileged properties (role, isAdmin, balance, …) that request schemas let clients write.
 * Names are data ({@code properties.json}). Only GET operations are called. Stateless and thread-safe.
 */
public final class SpecPropertyOverexposureCheck implements Check {

    private static final Supplier<PropertyNames> NAMES = CheckData.once(() -> PropertyNames.load());
    /** Operations whose answers are compared with their schema; each costs at most one probe. */
    private static final int MAX_CALLS = 12;
    /** JSON nodes walked per answer: enough for a page of records, bounded for huge bodies. */
    private static final int MAX_NODES = 5_000;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("spec-property-overexposure",
            Category.PROPERTY_AUTHORIZATION, "Properties exposed or writable beyond the API description",
            "Compares live responses with their OpenAPI response schemas and reads the schemas for sensitive "
                    + "response properties and privileged writable request properties.",
            Severity.MEDIUM, List.of(213, 915), MAX_CALLS, Set.of("openapi", "mass-assignment", "over-exposure"),
            "Serialise responses through explicit response models (DTOs) that list the allowed fields, and bind "
                    + "requests to input models without privileged fields, e.g. Jackson `@JsonIgnoreProperties` or "
                    + "a separate `OrderInput` without `role`.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Inventory inv = ctx.inventory();
        if (!inv.spec().present()) {
            return CheckOutcome.notApplicable("no API description was given or found");
        }
        boolean anySchema = inv.spec().operations().stream()
                .anyMatch(op -> !op.responseSchemaProperties().isEmpty() || !op.requestSchemaProperties().isEmpty());
        if (!anySchema) {
            return CheckOutcome.notApplicable("the API description declares no request or response properties");
        }
        Optional<Exchange> document = SpecResponses.specDocument(inv);
        List<Finding> findings = new ArrayList<>();
        int calls = 0;
        for (ApiOperation op : inv.spec().operations()) {
            if (op.method().equals("GET") && op.uri().isPresent() && !op.responseSchemaProperties().isEmpty()
                    && calls++ < MAX_CALLS) {
                SpecResponses.answerOf(ctx, op.uri().get()).filter(SpecResponses::carriesData)
                        .ifPresent(e -> undeclared(op, e).ifPresent(findings::add));
            }
            Set<String> sensitive = matching(op.responseSchemaProperties(), true);
            if (!sensitive.isEmpty()) {
                findings.add(schemaFinding(op, document, "Response schema of " + op.display()
                        + " declares sensitive properties", "response properties " + sensitive, "response"));
            }
            Set<String> privileged = matching(op.requestSchemaProperties(), false);
            if (!privileged.isEmpty()) {
                findings.add(schemaFinding(op, document, "Request schema of " + op.display()
                        + " lets clients write privileged properties", "writable " + privileged, "request"));
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static Set<String> matching(Set<String> names, boolean sensitive) {
        Set<String> out = new java.util.TreeSet<>();
        names.stream().filter(n -> sensitive ? NAMES.get().sensitive(n) : NAMES.get().privileged(n)).forEach(out::add);
        return out;
    }

    private static Optional<Finding> undeclared(ApiOperation op, Exchange e) {
        Set<String> found = new LinkedHashSet<>();
        SpecResponses.json(e).ifPresent(n -> names(n, found, new int[] {0}));
        Set<String> extra = new java.util.TreeSet<>(found);
        extra.removeAll(op.responseSchemaProperties());
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        boolean sensitive = extra.stream().anyMatch(NAMES.get()::sensitive);
        return Optional.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(sensitive ? Severity.HIGH : Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("Response of " + op.display() + " carries properties its schema does not declare")
                .evidence(Snippets.oneLine("undeclared " + extra + "; declared " + new java.util.TreeSet<>(
                        op.responseSchemaProperties()), Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator("undeclared:" + op.display())
                .build());
    }

    private static void names(JsonNode node, Set<String> out, int[] visited) {
        if (visited[0]++ > MAX_NODES) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(p -> {
                out.add(p.getKey());
                names(p.getValue(), out, visited);
            });
        } else if (node.isArray()) {
            node.forEach(c -> names(c, out, visited));
        }
    }

    private static Finding schemaFinding(ApiOperation op, Optional<Exchange> document, String title,
                                         String what, String kind) {
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.FIRM)
                .title(title)
                .evidence(Snippets.oneLine(op.display() + ": " + what + " in the API description",
                        Snippets.MAX_EVIDENCE))
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(kind + ":" + op.display());
        document.ifPresentOrElse(b::exchange, () -> b.endpoint(new Endpoint(op.method(),
                op.uri().orElse(java.net.URI.create("/")), Endpoint.Source.SPEC)));
        return b.build();
    }
}
