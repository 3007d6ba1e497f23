package dev.parapet.checks.authentication;

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
 * Reports operations whose API description requires security that answer with data to a request carrying no
 * credentials at all (in an authenticated scan, a probe without the user's credentials). Two signals are needed:
 * a 2xx JSON answer holding data ({@link SpecResponses#carriesData}: refusals sent with 200, login pages and empty
 * envelopes carry none) without a
 * {@code WWW-Authenticate} challenge, and a made-up sibling that does not answer the same (a catch-all is not an
 * open operation). Only safe (GET) operations are called. Stateless and thread-safe.
 */
public final class SpecSecurityNotEnforcedCheck implements Check {

    /** Secured operations judged per scan; each costs at most a probe and a control. */
    private static final int MAX_OPERATIONS = 12;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("spec-security-not-enforced",
            Category.AUTHENTICATION, "Documented security requirement not enforced",
            "Calls GET operations the OpenAPI document declares secured, without credentials, and reports those "
                    + "that still answer with data.",
            Severity.HIGH, List.of(306, 287), 2 * MAX_OPERATIONS, Set.of("openapi", "authentication"),
            "Enforce authentication in one place for every route the spec marks secured (e.g. a global filter or "
                    + "middleware that denies by default: Spring `anyRequest().authenticated()`), and test each "
                    + "secured operation without credentials in CI.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (!ctx.inventory().spec().present()) {
            return CheckOutcome.notApplicable("no API description was given or found");
        }
        List<ApiOperation> secured = ctx.inventory().spec().operations().stream()
                .filter(ApiOperation::securityRequired).filter(o -> o.method().equals("GET"))
                .filter(o -> o.uri().isPresent()).limit(MAX_OPERATIONS).toList();
        if (secured.isEmpty()) {
            return CheckOutcome.notApplicable("the API description declares no secured GET operation");
        }
        List<Finding> findings = new ArrayList<>();
        for (ApiOperation op : secured) {
            Optional<Exchange> answer = SpecResponses.anonymousAnswerOf(ctx, op.uri().get());
            if (answer.isPresent() && SpecResponses.carriesData(answer.get())
                    && answer.get().responseHeaders().first("WWW-Authenticate").isEmpty()
                    && !SpecResponses.catchAll(ctx, op.uri().get(), answer.get())) {
                findings.add(finding(op, answer.get()));
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static Finding finding(ApiOperation op, Exchange e) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.FIRM)
                .title("Secured operation " + op.display() + " answers without credentials")
                .evidence(Snippets.oneLine("the spec requires security; GET " + e.request().uri().getRawPath()
                        + " " + e.request().caller().phrase() + " -> " + e.status() + ": "
                        + Snippets.oneLine(e.body(), 120),
                        Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(op.display())
                .build();
    }
}
