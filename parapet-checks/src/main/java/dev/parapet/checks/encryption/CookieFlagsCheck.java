package dev.parapet.checks.encryption;

import java.util.function.Supplier;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges the flags of cookies the target sets, from recorded {@code Set-Cookie} headers. Only session-like cookies
 * (by name or token-shaped value, see {@code checks/cookie-flags/session-cookies.json}) are judged for HttpOnly and
 * SameSite, since those flags protect credentials; Secure is judged for every cookie on an HTTPS target (MEDIUM for
 * session-like ones, LOW otherwise) and for session-like ones on plain HTTP (LOW: there the transport is the
 * bigger problem, reported by {@code plain-http}). One finding per cookie name lists every missing flag.
 */
public final class CookieFlagsCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("cookie-flags", Category.ENCRYPTION,
            "Cookie set without protective flags",
            "Session or authentication cookies lack HttpOnly, Secure or SameSite, so scripts, clear-text links or"
                    + " cross-site requests can reach them.",
            Severity.MEDIUM, List.of(614, 1004, 1275), 3, Set.of(),
            "Set session cookies with all three flags, e.g. `Set-Cookie: sid=…; Path=/; HttpOnly; Secure;"
                    + " SameSite=Strict` (Express: `cookie: { httpOnly: true, secure: true, sameSite: 'strict' }`).");

    /** Regexes deciding whether a cookie is session-like. */
    record SessionCookies(List<Pattern> names, List<Pattern> values) {
        boolean byName(String name) {
            return names.stream().anyMatch(p -> p.matcher(name).matches());
        }

        boolean byValue(String value) {
            return values.stream().anyMatch(p -> p.matcher(value).matches());
        }
    }

    static final Supplier<SessionCookies> SESSION = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "session-cookies.json",
            SessionCookies.class));

    private record Missing(String flag, Severity severity) {
    }

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
        boolean https = "https".equalsIgnoreCase(ctx.inventory().target().getScheme());
        Map<String, Finding> byName = new LinkedHashMap<>();
        for (Exchange e : Responses.toExamine(ctx, DESCRIPTOR.requestBudget())) {
            for (String header : e.responseHeaders().all("Set-Cookie")) {
                // the first header that shows a cookie's defects speaks for the cookie; the finding's parameter is its name
                SetCookie.parse(header).filter(c -> !c.isDeletion()).filter(c -> !byName.containsKey(c.name()))
                        .flatMap(c -> judge(c, e, https)).ifPresent(f -> byName.put(f.parameter(), f));
            }
        }
        return CheckOutcome.findings(List.copyOf(byName.values()));
    }

    private static Optional<Finding> judge(SetCookie c, Exchange e, boolean https) {
        boolean namedLikeSession = SESSION.get().byName(c.name());
        boolean sessionLike = namedLikeSession || SESSION.get().byValue(c.value());
        List<Missing> missing = new ArrayList<>();
        if (sessionLike && !c.httpOnly()) {
            missing.add(new Missing("HttpOnly", Severity.MEDIUM));
        }
        if (!c.secure() && (https || sessionLike)) {
            missing.add(new Missing("Secure", https && sessionLike ? Severity.MEDIUM : Severity.LOW));
        }
        if (sessionLike && !c.hasProtectiveSameSite()) {
            missing.add(new Missing(c.sameSite().isPresent() ? "SameSite (set to " + c.sameSite().get() + ")"
                    : "SameSite", Severity.LOW));
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Severity severity = missing.stream().map(Missing::severity).max(Severity::compareTo).orElseThrow();
        List<String> flags = missing.stream().map(Missing::flag).toList();
        String kind = sessionLike ? "Session cookie" : "Cookie";
        String masked = c.raw().replace(c.name() + "=" + c.value(), c.name() + "=" + Snippets.mask(c.value(), 4));
        return Optional.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity)
                .confidence(namedLikeSession || !sessionLike ? Confidence.FIRM : Confidence.TENTATIVE)
                .title(kind + " '" + c.name() + "' set without " + String.join(", ", flags))
                .parameter(c.name())
                .evidence(Snippets.oneLine("Set-Cookie: " + masked + " (missing: " + String.join(", ", flags)
                        + (https ? "" : "; target is plain HTTP") + ")", Snippets.MAX_EVIDENCE))
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references())
                .build());
    }
}
