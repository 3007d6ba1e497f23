package dev.parapet.checks.dataexposure;

import dev.parapet.checks.dataexposure.SecretSignatures.Kind;
import dev.parapet.checks.dataexposure.SecretSignatures.Signature;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Responses;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in what the API returns: live API keys, private keys, database connection strings with a password,
 * JWTs outside token-issuing routes, and process-environment dumps. Formats are data
 * ({@code checks/secret-exposure/signatures.json}); placeholders and published example values are dropped before
 * anything is reported. Reads recorded responses (bodies and headers other than {@code Set-Cookie}) and fetches
 * known endpoints that have none. One finding per endpoint and format; evidence masks every secret.
 */
public final class SecretExposureCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("secret-exposure", Category.DATA_EXPOSURE,
            "Secrets exposed in responses",
            "Responses contain credentials: API keys, private keys, database connection strings with passwords,"
                    + " tokens or a dump of the process environment.",
            Severity.CRITICAL, List.of(200, 798, 312), 10, Set.of(Finding.TAG_CONTAINER_ESCAPE, "stage:credentials"),
            "Remove secrets from every response, rotate the exposed ones now, and keep credentials in a secret store"
                    + " read only by server-side code.");

    static final SecretSignatures DATA = CheckData.load(DESCRIPTOR.id(), "signatures.json", SecretSignatures.class);
    private static final List<Pattern> ENVIRONMENT = DATA.environment().patterns();
    private static final Set<String> IGNORED_HEADERS = Set.of("set-cookie", "authorization", "cookie");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        for (Exchange e : Responses.toExamine(ctx, DESCRIPTOR.requestBudget())) {
            String text = e.body() + headerText(e.responseHeaders());
            Map<Signature, List<Hit>> hits = new LinkedHashMap<>();
            for (Signature s : DATA.signatures()) {
                List<Hit> found = hits(s, e, text);
                if (!found.isEmpty()) {
                    hits.put(s, found);
                }
            }
            List<Hit> all = hits.values().stream().flatMap(List::stream).toList();
            hits.forEach((s, found) -> findings.add(finding(s, e, text, found, all)));
            environmentDump(e).ifPresent(findings::add);
        }
        return CheckOutcome.findings(findings);
    }

    /** One secret found: where, and by which format. */
    private record Hit(Signature signature, String secret, int start, int end) {
    }

    private static List<Hit> hits(Signature s, Exchange e, String text) {
        if (s.kind() == Kind.JWT && DATA.tokenIssuingPath().matcher(e.request().uri().getPath()).find()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        Matcher m = s.pattern().matcher(text);
        while (m.find()) {
            String secret = m.group(s.secretGroup());
            if (!DATA.isPlaceholder(secret) && (s.kind() != Kind.JWT || SecretSignatures.hasJwtHeader(secret))) {
                hits.add(new Hit(s, secret, m.start(s.secretGroup()), m.end(s.secretGroup())));
            }
        }
        return hits;
    }

    private static Finding finding(Signature s, Exchange e, String text, List<Hit> hits, List<Hit> everySecret) {
        Hit first = hits.getFirst();
        String evidence = Snippets.around(text, first.start(), first.end(), 60);
        for (Hit h : everySecret) {
            evidence = Snippets.maskIn(evidence, h.secret(), h.signature().keep());
        }
        long distinct = hits.stream().map(Hit::secret).distinct().count();
        Finding.Builder b = base(e, s.severity(), s.confidence(), s.name() + " exposed in a response", s.id())
                .evidence(Snippets.oneLine(s.name() + (distinct > 1 ? " (" + distinct + " distinct)" : "") + ": "
                        + evidence, Snippets.MAX_EVIDENCE))
                .remediation(remediation(s));
        if (s.kind() == Kind.CONNECTION_STRING) {
            b.tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:credentials");
        }
        return b.build();
    }

    private static Optional<Finding> environmentDump(Exchange e) {
        Set<String> names = new LinkedHashSet<>();
        for (Pattern p : ENVIRONMENT) {
            Matcher m = p.matcher(e.body());
            if (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        if (names.size() < DATA.environment().minimum()) {
            return Optional.empty();
        }
        return Optional.of(base(e, Severity.CRITICAL, Confidence.CONFIRMED,
                "Process environment variables exposed in a response", "environment-dump")
                .evidence(Snippets.oneLine("Environment dump with " + names.size() + " variables: "
                        + String.join(", ", names) + " (values not shown)", Snippets.MAX_EVIDENCE))
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:credentials")
                .remediation("Remove the route that returns the process environment (e.g. a debug handler"
                        + " serialising `process.env` or `System.getenv()`), then rotate every credential it"
                        + " contained: database URLs, cloud keys, signing secrets.")
                .build());
    }

    private static Finding.Builder base(Exchange e, Severity severity, Confidence confidence, String title,
                                        String discriminator) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity).confidence(confidence).title(title).discriminator(discriminator)
                .exchange(e).references(DESCRIPTOR.references());
    }

    private static String remediation(Signature s) {
        return switch (s.kind()) {
            case API_KEY -> "Revoke and rotate the " + s.name() + " now, then remove it from the response: keys"
                    + " belong in a secret store read by server-side code, never in data sent to clients.";
            case PRIVATE_KEY -> "Treat the key as compromised: revoke whatever it signs or decrypts, issue a new"
                    + " key pair, and make sure no route serves key files or configuration objects.";
            case CONNECTION_STRING -> "Rotate the database password, stop serialising configuration into"
                    + " responses (remove the config/debug route), and connect with a least-privilege database"
                    + " user, e.g. `DATABASE_URL` read from a secret, never echoed.";
            case JWT -> "Return tokens only from the authentication flow, not in ordinary resources; revoke the"
                    + " exposed tokens (rotate the signing key if they cannot be revoked individually).";
        };
    }

    private static String headerText(Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (Headers.Field f : headers.fields()) {
            if (!IGNORED_HEADERS.contains(f.name().toLowerCase(Locale.ROOT))) {
                sb.append('\n').append(f.name()).append(": ").append(f.value());
            }
        }
        return sb.toString();
    }
}
