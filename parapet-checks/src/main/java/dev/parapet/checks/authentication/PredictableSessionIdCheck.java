package dev.parapet.checks.authentication;

import java.util.function.Supplier;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Session identifiers a fresh caller can guess. Asks the page that handed out a cookie during discovery (else the
 * target) a few times as nobody, each a plain GET, and collects each session cookie's values ({@code cookies.json}
 * names them); four or more distinct values are judged by {@link SessionIds}: a counter or a timestamp is HIGH, a
 * short or low-entropy identifier MEDIUM, FIRM either way since every sample shows it. Not in passive mode (the
 * samples differ only by a marker header). Stateless and thread-safe.
 */
public final class PredictableSessionIdCheck implements Check {

    /** Fresh sessions asked for: enough to see a counter step and estimate what varies. */
    private static final int SAMPLES = 6;
    private static final int MIN_SAMPLES = 4;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("predictable-session-id", Category.AUTHENTICATION,
            "Predictable session identifiers",
            "Collects the session cookies a page hands fresh callers on a few plain GETs and reports counters, "
                    + "timestamps, short values and low entropy.",
            Severity.HIGH, List.of(330, 6, 384), SAMPLES, Set.of("authentication", "session"),
            "Generate session identifiers with the platform's cryptographic random generator, at least 128 bits "
                    + "(e.g. `crypto.randomBytes(32)`, `secrets.token_urlsafe(32)`, the framework's own session "
                    + "manager), never from counters, clocks or user data.");

    /** The vocabulary of {@code cookies.json}. */
    record Names(List<String> names, List<String> fragments, List<String> ignored) {
        boolean session(String cookie) {
            String n = cookie.toLowerCase(Locale.ROOT);
            return ignored.stream().noneMatch(n::contains) && (names.contains(n) || fragments.stream().anyMatch(n::contains));
        }
    }

    private static final Supplier<Names> NAMES = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "cookies.json", Names.class));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("fresh sessions are asked for with marked requests, which passive "
                    + "mode does not send");
        }
        URI page = ctx.inventory().exchanges().stream().filter(e -> !sessionCookies(e).isEmpty())
                .map(e -> e.request().uri()).findFirst().orElse(ctx.inventory().target());
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Exchange> samples = new ArrayList<>();
        for (int i = 1; i <= SAMPLES; i++) {
            Exchange e = ctx.probe(ProbeRequest.get(page).as(Identity.ANONYMOUS)
                    .withHeader("X-Parapet-Sample", String.valueOf(i)));
            if (!e.answered()) {
                continue;
            }
            samples.add(e);
            sessionCookies(e).forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        }
        if (values.isEmpty()) {
            return CheckOutcome.notApplicable("GET " + page.getRawPath() + " hands out no session cookie to a fresh "
                    + "caller");
        }
        List<Finding> findings = new ArrayList<>();
        values.forEach((name, issued) -> {
            Set<String> distinct = new LinkedHashSet<>(issued);
            if (distinct.size() >= MIN_SAMPLES && distinct.size() == issued.size()) {
                SessionIds.judge(issued, Instant.now()).ifPresent(w -> findings.add(finding(page, name, issued, w,
                        samples)));
            }
        });
        return CheckOutcome.findings(findings);
    }

    /** Session cookies an answer sets: name to value, first of each name. */
    private static Map<String, String> sessionCookies(Exchange e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : e.responseHeaders().all("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0 && NAMES.get().session(pair.substring(0, eq).strip()) && eq + 1 < pair.length()) {
                out.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static Finding finding(URI page, String name, List<String> issued, SessionIds.Weakness w,
                                   List<Exchange> samples) {
        boolean guessable = w.kind().equals("counter") || w.kind().equals("timestamp");
        List<String> shown = issued.stream().limit(4).map(v -> Snippets.mask(v, Math.min(6, v.length() / 2))).toList();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(guessable ? Severity.HIGH : Severity.MEDIUM).confidence(Confidence.FIRM)
                .title("Session cookie " + name + " is predictable (" + w.kind().replace('-', ' ') + ")")
                .parameter(name)
                .evidence(Snippets.oneLine(issued.size() + " fresh sessions from GET " + page.getRawPath() + ": "
                        + w.detail() + "; first issued " + String.join(", ", shown), Snippets.MAX_EVIDENCE))
                .exchanges(samples.stream().limit(2).toList())
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(name + ":" + w.kind())
                .build();
    }
}
