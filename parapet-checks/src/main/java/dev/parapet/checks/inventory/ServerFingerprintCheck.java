package dev.parapet.checks.inventory;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads software names and versions the target volunteers: in headers such as {@code Server} and
 * {@code X-Powered-By} of every recorded exchange, and in the footer of an error page fetched for a path that
 * cannot exist. A version lets an attacker pick known exploits without probing (LOW); a bare product name narrows
 * the search less (INFO). Bodies are matched only on error responses, so documentation that mentions a product
 * is not mistaken for a disclosure. Signatures are data ({@code signatures.json}). Stateless and thread-safe.
 */
public final class ServerFingerprintCheck implements Check {

    /** A path no API serves; the answer shows the server's default error page. */
    static final String MISSING_PATH = "/parapet-probe-404-b7e2";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("server-fingerprint", Category.INVENTORY,
            "Server software and version disclosed",
            "Reads product and version tokens from Server, X-Powered-By, X-AspNet-Version and similar headers, and "
                    + "from the footer of the default error page.",
            Severity.LOW, List.of(200, 497), 1, Set.of("fingerprinting", "information-disclosure"),
            "Remove version tokens from response headers and error pages at every layer (web server, application "
                    + "framework, proxy), e.g. nginx `server_tokens off;`, Express `app.disable('x-powered-by')`.");

    private record Compiled(Signatures.Signature signature, Pattern header, Optional<Pattern> body) {
    }

    record Sighting(String product, String version, String where, String text, Exchange exchange,
                            String remediation) {
    }

    private static final Supplier<Signatures> DATA = CheckData.once(() -> Signatures.load());
    private static final List<Compiled> COMPILED = DATA.get().signatures().stream()
            .map(s -> new Compiled(s, s.headerPattern(), s.bodyPattern())).toList();

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<Exchange> exchanges = new ArrayList<>(ctx.inventory().exchanges());
        if (ctx.mode() != ScanMode.PASSIVE) {
            exchanges.add(ctx.probe(ProbeRequest.get(ctx.inventory().target().resolve(MISSING_PATH))));
        }
        Map<String, Sighting> best = new LinkedHashMap<>();
        for (Exchange e : exchanges) {
            if (e.answered()) {
                sightings(e).forEach(s -> best.merge(s.product(), s,
                        (old, neu) -> old.version().isEmpty() && !neu.version().isEmpty() ? neu : old));
            }
        }
        return CheckOutcome.findings(best.values().stream().map(ServerFingerprintCheck::finding).toList());
    }

    /** Every product named by this exchange's headers and, for error responses, its body. */
    static List<Sighting> sightings(Exchange e) {
        List<Sighting> out = new ArrayList<>();
        Headers headers = e.responseHeaders();
        for (String name : DATA.get().headers()) {
            for (String value : headers.all(name)) {
                for (Compiled c : COMPILED) {
                    if (!c.signature().appliesTo(name)) {
                        continue;
                    }
                    Matcher m = c.header().matcher(value);
                    if (m.find()) {
                        out.add(new Sighting(c.signature().product(), Signatures.versionOf(m), name + " header",
                                name + ": " + value, e, c.signature().remediation()));
                    }
                }
            }
        }
        if (e.status() >= 400) {
            for (Compiled c : COMPILED) {
                if (c.body().isPresent()) {
                    Matcher m = c.body().get().matcher(e.body());
                    if (m.find()) {
                        out.add(new Sighting(c.signature().product(), Signatures.versionOf(m),
                                e.status() + " error page", m.group().replaceAll("\\s+", " "), e,
                                c.signature().remediation()));
                    }
                }
            }
        }
        return out;
    }

    private static Finding finding(Sighting s) {
        boolean versioned = !s.version().isEmpty();
        String path = s.exchange().request().uri().getRawPath();
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(versioned ? Severity.LOW : Severity.INFO)
                .confidence(Confidence.FIRM)
                .title(versioned ? "Server discloses " + s.product() + " " + s.version()
                        : "Server names its software: " + s.product())
                .evidence(Evidence.cap(cut(s.text()) + " (" + s.where() + " of " + s.exchange().request().method() + " "
                        + (path == null || path.isEmpty() ? "/" : path) + ")"))
                .exchange(s.exchange())
                .remediation(s.remediation() + " Versions tell attackers which published exploits to try.")
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(s.product().toLowerCase(Locale.ROOT))
                .build();
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
