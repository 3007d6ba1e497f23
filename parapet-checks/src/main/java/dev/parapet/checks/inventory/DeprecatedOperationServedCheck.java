package dev.parapet.checks.inventory;

import dev.parapet.checks.support.SpecResponses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports operations the API description marks deprecated that still answer with data: old versions keep old
 * bugs and missing controls alive. Only safe (GET) operations are called; two signals are needed: a 2xx JSON answer
 * carrying data, and a made-up sibling path that does not answer the same (so a catch-all route is not mistaken
 * for the operation). Stateless and thread-safe.
 */
public final class DeprecatedOperationServedCheck implements Check {

    /** Deprecated operations judged per scan; each costs at most a probe and a control. */
    private static final int MAX_OPERATIONS = 10;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("deprecated-operation-served", Category.INVENTORY,
            "Deprecated operation still served",
            "Calls GET operations the OpenAPI document marks deprecated and reports those still answering with data.",
            Severity.LOW, List.of(1059), 2 * MAX_OPERATIONS, Set.of("openapi", "deprecated", "inventory"),
            "Retire deprecated operations on a published date: answer 410 Gone (or remove the route) once clients "
                    + "have moved, and track their remaining callers in the access logs until then.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (!ctx.inventory().spec().present()) {
            return CheckOutcome.notApplicable("no API description was given or found");
        }
        List<ApiOperation> deprecated = ctx.inventory().spec().operations().stream()
                .filter(ApiOperation::deprecated).filter(o -> o.method().equals("GET"))
                .filter(o -> o.uri().isPresent()).limit(MAX_OPERATIONS).toList();
        if (deprecated.isEmpty()) {
            return CheckOutcome.notApplicable("the API description marks no GET operation deprecated");
        }
        List<Finding> findings = new ArrayList<>();
        for (ApiOperation op : deprecated) {
            Optional<Exchange> answer = SpecResponses.answerOf(ctx, op.uri().get());
            if (answer.isPresent() && SpecResponses.carriesData(answer.get())
                    && !SpecResponses.catchAll(ctx, op.uri().get(), answer.get())) {
                findings.add(finding(op, answer.get()));
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static Finding finding(ApiOperation op, Exchange e) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.LOW).confidence(Confidence.FIRM)
                .title("Deprecated operation " + op.display() + " is still served")
                .evidence(Snippets.oneLine("deprecated: true in the spec" + (op.operationId().isEmpty() ? ""
                        : " (" + op.operationId() + ")") + "; GET " + e.request().uri().getRawPath() + " -> "
                        + e.status() + ": " + Snippets.oneLine(e.body(), 120), Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(op.display())
                .build();
    }
}
