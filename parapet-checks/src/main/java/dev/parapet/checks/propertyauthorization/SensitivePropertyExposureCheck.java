package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
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
import dev.parapet.spi.Refusals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sensitive values in responses, judged by what each value is, whether or not an API description declares the
 * property (a declared password is still a password served): a plaintext password beside an account name (a user
 * name, an email) is a working login, CRITICAL/CONFIRMED; a plaintext password alone HIGH/FIRM; a password digest or
 * hash ({@code 5f4dcc3b…}, {@code $1$…}, {@code {SSHA}…}) HIGH/CONFIRMED; other credential-like properties with a
 * real value ({@code salt}, {@code api_key}, {@code client_secret}, tokens…) HIGH/FIRM; internal ones
 * ({@code internal_notes}, {@code fraud_score}) LOW/TENTATIVE. Values another data-exposure check reports by their
 * format (bcrypt hashes, JWTs, cloud keys, SSNs) are left to it; tokens from login and token routes are the point of
 * those routes; properties an answer has beyond its documented schema are {@code spec-property-overexposure}'s own
 * signal. Only answers {@link Refusals} judges granted are read. Names are data ({@code properties.json}).
 * Stateless and thread-safe.
 */
public final class SensitivePropertyExposureCheck implements Check {

    private static final Supplier<SensitiveProperties> NAMES = CheckData.once(() -> SensitiveProperties.load());
    private static final Pattern TOKEN_ROUTE = Pattern.compile(
            "(?i)/(oauth2?|auth|login|signin|sign-in|token|tokens|session|sessions|refresh)(/|$)");
    /** Endpoints without a recorded answer fetched per scan. */
    private static final int MAX_FETCHES = 6;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("sensitive-property-exposure",
            Category.PROPERTY_AUTHORIZATION, "Sensitive or internal properties returned to clients",
            "Finds passwords (plaintext or hashed), secrets, keys, tokens and internal properties with real values "
                    + "in JSON responses, whether or not the API description declares them.",
            Severity.HIGH, List.of(213, 200, 256), MAX_FETCHES, Set.of("over-exposure", "excessive-data-exposure"),
            "Serialise responses through an explicit response model listing the fields clients may see (e.g. "
                    + "`SELECT id, name FROM users` or a DTO), never whole rows or entities with credential columns; "
                    + "store passwords only as salted slow hashes (bcrypt, Argon2) and never return them.");

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
            if (!SpecResponses.carriesData(e) || ctx.inventory().apiDocuments().contains(e.request().uri())) {
                continue;
            }
            boolean tokenRoute = TOKEN_ROUTE.matcher(e.request().uri().getRawPath()).find();
            ServedValues served = ServedValues.of(SpecResponses.json(e).orElseThrow(), NAMES.get(), tokenRoute);
            if (!served.any()) {
                continue;
            }
            Set<String> declared = ctx.inventory().spec().match(e.request().method(), e.request().uri())
                    .map(op -> op.responseSchemaProperties()).orElse(Set.of());
            if (!served.plaintext.isEmpty()) {
                boolean logins = served.logins > 0;
                findings.add(finding(e, served.plaintext, declared, "plaintext-password",
                        logins ? Severity.CRITICAL : Severity.HIGH, logins ? Confidence.CONFIRMED : Confidence.FIRM,
                        logins ? "plaintext passwords of " + served.logins + (served.logins == 1 ? " account"
                                : " accounts") : "a plaintext password property " + served.plaintext.keySet(),
                        logins ? "beside " + served.accountProperty + " in " + served.logins + " record"
                                + (served.logins == 1 ? "" : "s") : "no account name beside it"));
            }
            if (!served.hashed.isEmpty()) {
                findings.add(finding(e, served.hashed, declared, "password-hash", Severity.HIGH,
                        Confidence.CONFIRMED, "password hashes " + served.hashed.keySet(),
                        "digests or crypt-format hashes, crackable offline"));
            }
            if (!served.credentials.isEmpty()) {
                findings.add(finding(e, served.credentials, declared, "credentials", Severity.HIGH, Confidence.FIRM,
                        "credential properties " + served.credentials.keySet(), "credential-like properties with values"));
            }
            if (!served.internal.isEmpty()) {
                findings.add(finding(e, served.internal, declared, "internal", Severity.LOW, Confidence.TENTATIVE,
                        "internal properties " + served.internal.keySet(), "internal properties with values"));
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static Finding finding(Exchange e, Map<String, String> found, Set<String> declared, String kind,
                                   Severity severity, Confidence confidence, String what, String why) {
        String path = e.request().uri().getRawPath();
        boolean secret = !kind.equals("internal");
        List<String> shown = found.entrySet().stream().limit(4)
                .map(x -> x.getKey() + ": " + (secret ? Snippets.mask(x.getValue(), 2)
                        : Snippets.oneLine(x.getValue(), 30))).toList();
        List<String> documented = found.keySet().stream().filter(declared::contains).toList();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity).confidence(confidence)
                .title("Response of GET " + path + " carries " + what)
                .evidence(Snippets.join(List.of(why, String.join(", ", shown), documented.isEmpty()
                        ? "not in any documented schema" : "declared in the API description (" + String.join(", ",
                        documented) + "), served all the same")))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(kind)
                .build();
    }
}
