package dev.parapet.checks.bola;

import dev.parapet.checks.support.SpecResponses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reports operations addressing one object by an id in the path ({@code /customers/{customerId}}) that the API
 * description leaves without any security requirement and that serve the object to an anonymous request: anyone can
 * walk the ids. Two signals: the spec declares no security for an id-addressed operation, and the live GET answers
 * with data while a made-up sibling does not answer the same. Catalogue-like tags ({@code public}) are not judged
 * differently: the spec should say so with {@code security: []} being deliberate, hence MEDIUM and FIRM, not
 * CONFIRMED. Stateless and thread-safe.
 */
public final class SpecUnprotectedObjectIdCheck implements Check {

    /** Operations judged per scan; each costs at most a probe and a control. */
    private static final int MAX_OPERATIONS = 10;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("spec-unprotected-object-id", Category.BOLA,
            "Object addressed by id without any security requirement",
            "Finds GET operations the OpenAPI document addresses by a path id without a security requirement and "
                    + "reports those serving the object to anonymous requests.",
            Severity.MEDIUM, List.of(639, 862), 2 * MAX_OPERATIONS, Set.of("openapi", "bola", "idor"),
            "Require authentication on every operation that reads an object by id, and check in the handler that "
                    + "the caller owns or may read that object (e.g. `WHERE id = ? AND owner_id = :caller`).");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (!ctx.inventory().spec().present()) {
            return CheckOutcome.notApplicable("no API description was given or found");
        }
        List<ApiOperation> candidates = ctx.inventory().spec().operations().stream()
                .filter(o -> o.method().equals("GET") && !o.securityRequired() && o.uri().isPresent())
                .filter(o -> idParameter(o).isPresent()).limit(MAX_OPERATIONS).toList();
        List<Finding> findings = new ArrayList<>();
        for (ApiOperation op : candidates) {
            Optional<Exchange> answer = SpecResponses.anonymousAnswerOf(ctx, op.uri().get());
            if (answer.isPresent() && SpecResponses.carriesData(answer.get())
                    && !SpecResponses.catchAll(ctx, op.uri().get(), answer.get())) {
                findings.add(finding(op, idParameter(op).get(), answer.get()));
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** The path parameter naming an object: {@code id}, {@code *Id}, {@code *_id}, {@code uuid} or a uuid format. */
    static Optional<ApiParameter> idParameter(ApiOperation op) {
        return op.parameters().stream().filter(p -> p.in().equals("path")).filter(p -> {
            String n = p.name().toLowerCase(Locale.ROOT);
            return n.equals("id") || n.endsWith("id") && p.name().matches(".*(Id|_id|-id|ID)") || n.equals("uuid")
                    || p.format().equals("uuid");
        }).findFirst();
    }

    /**
     * Keys that mark an object as someone's (an account, an order, a customer record). Public catalogue objects
     * served by id without security are often intended, so only objects carrying such keys are MEDIUM/FIRM; the
     * rest are reported LOW/TENTATIVE for a human to judge.
     */
    private static final java.util.regex.Pattern PERSONAL = java.util.regex.Pattern.compile(
            "(?i)\"(email|e_mail|phone|customer|owner|owner_id|user|user_id|userId|account|address|city|postcode|zip|ssn|birth\\w*|"
                    + "card|iban|payment|balance|salary)\"\\s*:");

    private static Finding finding(ApiOperation op, ApiParameter id, Exchange e) {
        boolean personal = PERSONAL.matcher(e.body()).find();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(personal ? Severity.MEDIUM : Severity.LOW)
                .confidence(personal ? Confidence.FIRM : Confidence.TENTATIVE)
                .title("Object operation " + op.display() + " serves records without any security requirement")
                .parameter(id.name())
                .evidence(Snippets.oneLine("no security requirement in the spec; GET " + e.request().uri().getRawPath()
                        + " " + e.request().caller().phrase() + " -> " + e.status() + ": " + Snippets.oneLine(e.body(), 120),
                        Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(op.display())
                .build();
    }
}
