package dev.parapet.checks.dataexposure;

import java.util.function.Supplier;
import dev.parapet.checks.dataexposure.PiiScanner.Found;
import dev.parapet.checks.dataexposure.PiiScanner.Kind;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Responses;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds personal data in what the API returns: email addresses, phone numbers, payment card numbers and US Social
 * Security numbers (see {@link PiiScanner} for what counts). Reads recorded responses and fetches known endpoints
 * that have none; API description documents are skipped, since their examples are not anybody's data. One finding
 * per endpoint and kind. Cards and SSNs are HIGH; emails and phones MEDIUM when two or more distinct ones appear
 * (a list of people), LOW for a single one (often the caller's own). Evidence shows counts and masked samples only.
 */
public final class PiiExposureCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("pii-exposure", Category.DATA_EXPOSURE,
            "Personal data exposed in responses",
            "Responses contain personal data (email addresses, phone numbers, card numbers, Social Security"
                    + " numbers), possibly of other people.",
            Severity.HIGH, List.of(359), 10, Set.of(),
            "Return only the personal fields the caller needs and is entitled to: filter responses through an"
                    + " explicit view/DTO, mask what must be shown (`**** 4242`, `j***@example.com`), and never return"
                    + " full card numbers (PCI DSS 3.4) or SSNs.");

    static final Supplier<PiiPatterns> PATTERNS = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "patterns.json", PiiPatterns.class));
    private static final PiiScanner SCANNER = new PiiScanner(PATTERNS.get());

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
        for (Exchange e : Responses.toExamine(ctx, DESCRIPTOR.requestBudget())) {
            if (ctx.inventory().apiDocuments().contains(e.request().uri()) || e.body().isEmpty()) {
                continue;
            }
            SCANNER.scan(e.body()).values().forEach(found -> findings.add(finding(found, e)));
        }
        return CheckOutcome.findings(findings);
    }

    private static Finding finding(Found f, Exchange e) {
        int n = f.masked().size();
        boolean several = n >= 2;
        Severity severity = switch (f.kind()) {
            case CARD, SSN -> Severity.HIGH;
            case EMAIL, PHONE -> several ? Severity.MEDIUM : Severity.LOW;
        };
        Confidence confidence = f.kind() == Kind.CARD && !f.withContext() ? Confidence.TENTATIVE : Confidence.FIRM;
        String noun = switch (f.kind()) {
            case EMAIL -> several ? "email addresses" : "email address";
            case PHONE -> several ? "phone numbers" : "phone number";
            case CARD -> several ? "payment card numbers" : "payment card number";
            case SSN -> several ? "US Social Security numbers" : "US Social Security number";
        };
        String title = switch (f.kind()) {
            case EMAIL, PHONE -> several ? "Response lists " + noun + " of several people"
                    : "Response contains an " + (f.kind() == Kind.EMAIL ? "email address" : "unmasked phone number");
            case CARD, SSN -> "Response contains unmasked " + noun;
        };
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity)
                .confidence(confidence)
                .title(title)
                .discriminator(f.kind().name())
                .evidence(Snippets.oneLine(n + " distinct " + noun + " in the response body, e.g. "
                        + String.join(", ", PiiScanner.samples(f, 3)), Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references())
                .build();
    }
}
