package dev.parapet.checks.encryption;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags an HTTPS API that does not pin browsers to HTTPS with {@code Strict-Transport-Security}, judged on the
 * responses discovery recorded (one GET of the target when none was). A browser honours the first HSTS header it
 * sees on a host, so one response with a strong policy is enough to stay quiet. Missing everywhere: MEDIUM (FIRM when
 * at least two responses lacked it). Present but with {@code max-age} below {@link #MIN_MAX_AGE}: LOW.
 */
public final class HstsMissingCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("hsts-missing", Category.ENCRYPTION,
            "HTTPS without a strong HSTS policy",
            "HTTPS responses lack Strict-Transport-Security, or its max-age is too short to protect returning"
                    + " clients from a downgrade to plain HTTP.",
            Severity.MEDIUM, List.of(319, 523), 1, Set.of(),
            "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every HTTPS response"
                    + " (nginx: `add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;`).");

    /**
     * 180 days in seconds: the shortest max-age the HSTS preload list and most security baselines accept; anything
     * shorter lapses between visits of an occasional client.
     */
    static final long MIN_MAX_AGE = 15_552_000L;

    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|;)\\s*max-age\\s*=\\s*\"?(\\d{1,12})\"?");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (!"https".equalsIgnoreCase(ctx.inventory().target().getScheme())) {
            return CheckOutcome.notApplicable("target is not HTTPS");
        }
        List<Exchange> responses = new ArrayList<>(ctx.inventory().exchanges().stream().filter(Exchange::answered)
                .filter(e -> "https".equalsIgnoreCase(e.request().uri().getScheme())).toList());
        if (responses.isEmpty()) {
            Exchange e = ctx.probe(ProbeRequest.get(ctx.inventory().target()));
            if (!e.answered()) {
                return CheckOutcome.errored("the target did not answer over HTTPS: " + e.error(), null);
            }
            responses.add(e);
        }
        Exchange weakest = null;
        long weakestAge = Long.MAX_VALUE;
        for (Exchange e : responses) {
            Optional<String> header = e.responseHeaders().first("Strict-Transport-Security");
            if (header.isEmpty()) {
                continue;
            }
            long age = maxAge(header.get()).orElse(0L);
            if (age >= MIN_MAX_AGE) {
                return CheckOutcome.none();
            }
            if (age < weakestAge) {
                weakestAge = age;
                weakest = e;
            }
        }
        return CheckOutcome.findings(List.of(weakest == null
                ? missing(responses, ctx.inventory().target()) : weak(weakest, weakestAge)));
    }

    private static Finding missing(List<Exchange> responses, URI target) {
        Exchange first = responses.stream().filter(e -> e.request().uri().equals(target)).findFirst()
                .orElse(responses.getFirst());
        return base(first)
                .severity(Severity.MEDIUM)
                .confidence(responses.size() >= 2 ? Confidence.FIRM : Confidence.TENTATIVE)
                .title("HTTPS responses carry no Strict-Transport-Security header")
                .evidence("None of " + responses.size() + " HTTPS response(s) carried Strict-Transport-Security,"
                        + " e.g. " + first.request().method() + " " + first.request().uri() + " → " + first.status())
                .build();
    }

    private static Finding weak(Exchange e, long age) {
        String header = e.responseHeaders().first("Strict-Transport-Security").orElse("");
        return base(e)
                .severity(Severity.LOW)
                .confidence(Confidence.CONFIRMED)
                .title(age == 0 ? "Strict-Transport-Security has no usable max-age"
                        : "Strict-Transport-Security max-age is shorter than 180 days")
                .evidence("Strict-Transport-Security: " + header + " (max-age " + age + " s < " + MIN_MAX_AGE + " s)")
                .build();
    }

    private static Finding.Builder base(Exchange e) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references());
    }

    /** The {@code max-age} directive in seconds, if present and numeric. */
    static OptionalLong maxAge(String header) {
        Matcher m = MAX_AGE.matcher(header.trim());
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
