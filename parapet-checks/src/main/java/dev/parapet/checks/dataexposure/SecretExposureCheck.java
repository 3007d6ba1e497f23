package dev.parapet.checks.dataexposure;

import java.util.function.Supplier;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds secrets in what the API returns: live API keys, private keys, database connection strings with a password,
 * JWTs outside token-issuing routes, and process-environment dumps. Formats are data
 * ({@code checks/secret-exposure/signatures.json}); placeholders and published example values are dropped before
 * anything is reported. Test-mode keys ({@code sk_test_}) are deliberately not reported: they reach no live data,
 * and documentation quotes them constantly. Reads recorded responses (bodies and headers other than
 * {@code Set-Cookie}) and fetches known endpoints that have none. One finding per endpoint and format; evidence masks every secret.
 */
public final class SecretExposureCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("secret-exposure", Category.DATA_EXPOSURE,
            "Secrets exposed in responses",
            "Responses contain credentials: API keys, private keys, database connection strings with passwords,"
                    + " tokens or a dump of the process environment.",
            Severity.CRITICAL, List.of(200, 798, 312), 10, Set.of(Finding.TAG_CONTAINER_ESCAPE, "stage:credentials"),
            "Remove secrets from every response, rotate the exposed ones now, and keep credentials in a secret store"
                    + " read only by server-side code.");

    static final Supplier<SecretSignatures> DATA = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "signatures.json", SecretSignatures.class));
    /** Headers that carry cookies (judged by cookie-flags) or never carry secrets. */
    private static final Set<String> IGNORED_HEADERS = Set.of("set-cookie", "authorization", "cookie",
            "content-length", "content-type", "date", "connection", "etag", "vary", "cache-control", "expires");

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
            String text = e.body() + headerText(e.responseHeaders());
            Map<Signature, List<Hit>> hits = new LinkedHashMap<>();
            for (Signature s : DATA.get().signatures()) {
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
        if (s.kind() == Kind.JWT && DATA.get().tokenIssuingPath().matcher(e.request().uri().getPath()).find()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        Matcher m = s.pattern().matcher(text);
        while (m.find()) {
            String secret = m.group(s.secretGroup());
            if (!DATA.get().isPlaceholder(secret) && (s.kind() != Kind.JWT || SecretSignatures.hasJwtHeader(secret))) {
                hits.add(new Hit(s, secret, m.start(s.secretGroup()), m.end(s.secretGroup())));
            }
        }
        return hits;
    }

    private static Finding finding(Signature s, Exchange e, String text, List<Hit> hits, List<Hit> everySecret) {
        String evidence = maskedAround(text, hits.getFirst(), everySecret);
        long distinct = hits.stream().map(Hit::secret).distinct().count();
        Finding.Builder b = base(e, s.severity(), s.confidence(), s.name() + " exposed in a response", s.id())
                .evidence(Snippets.oneLine(s.name() + (distinct > 1 ? " (" + distinct + " distinct)" : "") + ": "
                        + evidence, Snippets.MAX_EVIDENCE))
                .remediation(s.kind().remediation(s.name()));
        if (s.kind() == Kind.CONNECTION_STRING) {
            b.tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:credentials");
        }
        return b.build();
    }

    /**
     * The text around {@code first} with every secret found in it masked. Masking happens on the whole text before
     * cutting, so a secret spanning lines or sitting next to the match is never shown in part.
     */
    private static String maskedAround(String text, Hit first, List<Hit> everySecret) {
        List<Hit> sorted = everySecret.stream().sorted(Comparator.comparingInt(Hit::start)).toList();
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        int from = -1;
        int to = -1;
        for (Hit h : sorted) {
            if (h.start() >= pos) {
                sb.append(text, pos, h.start());
                int maskStart = sb.length();
                sb.append(Snippets.mask(h.secret(), h.signature().keep()));
                pos = h.end();
                if (h.start() <= first.start() && first.start() < h.end()) {
                    from = maskStart;
                    to = sb.length();
                }
            }
        }
        sb.append(text.substring(pos));
        // sorted by start, so the hit covering first.start() was masked whole even when first overlaps it
        return Snippets.around(sb.toString(), Math.max(0, from), Math.max(0, to), 60);
    }

    private static Optional<Finding> environmentDump(Exchange e) {
        Set<String> names = DATA.get().environment().namesIn(e.body());
        if (names.size() < DATA.get().environment().minimum()) {
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
