package dev.parapet.checks.authentication;

import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One comparison of a login's failures: a made-up user name, then a likely existing one, each with its own made-up
 * wrong password (fresh values every time, so a repeated pair is sent again, not served from the probe cache).
 * Immutable.
 */
record LoginPair(String unknownUser, String knownUser, Exchange unknown, Exchange known) {

    private static final Pattern TOKEN_RUN = Pattern.compile("[A-Za-z0-9+/_=-]{16,}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    static LoginPair send(CheckContext ctx, CredentialForm login, String knownUser) throws InterruptedException {
        String unknownUser = "parapet-nouser-" + CredentialForms.randomHex() + (knownUser.contains("@")
                ? "@example.invalid" : "");
        Exchange unknown = ctx.probe(login.post(unknownUser, "Parapet-wrong-" + CredentialForms.randomHex()));
        Exchange known = ctx.probe(login.post(knownUser, "Parapet-wrong-" + CredentialForms.randomHex()));
        return new LoginPair(unknownUser, knownUser, unknown, known);
    }

    /** Both answered, and neither throttled (a 429 says nothing about the account). */
    boolean judgeable() {
        return unknown.answered() && known.answered() && unknown.status() != 429 && known.status() != 429;
    }

    /**
     * How the two failures differ, strongest first: {@code phrase} (one names an unknown user or a wrong password
     * and the other does not), {@code status}, {@code message}, {@code timing}; empty when they do not.
     */
    Optional<String> difference(LoginUserEnumerationCheck.Phrases phrases) {
        if (named(unknown, phrases.unknownUser()) != named(known, phrases.unknownUser())
                || named(unknown, phrases.wrongPassword()) != named(known, phrases.wrongPassword())) {
            return Optional.of("phrase");
        }
        if (unknown.status() != known.status()) {
            return Optional.of("status");
        }
        if (!unknownText().equals(knownText())) {
            return Optional.of("message");
        }
        return LoginUserEnumerationCheck.slower(known, unknown) ? Optional.of("timing") : Optional.empty();
    }

    /** The same answers as {@code other}: statuses and messages, each side with its own. */
    boolean sameAs(LoginPair other) {
        return unknown.status() == other.unknown.status() && known.status() == other.known.status()
                && unknownText().equals(other.unknownText()) && knownText().equals(other.knownText());
    }

    String unknownText() {
        return normal(unknown, unknownUser);
    }

    String knownText() {
        return normal(known, knownUser);
    }

    String timing() {
        return "unknown user " + unknown.elapsed().toMillis() + " ms, existing " + known.elapsed().toMillis() + " ms";
    }

    private static boolean named(Exchange e, List<String> phrases) {
        String text = " " + dev.parapet.checks.support.Snippets.oneLine(e.body(), 4_000).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        return phrases.stream().anyMatch(p -> text.contains(" " + p + " ") || !p.chars().allMatch(c -> c < 128)
                && text.contains(p));
    }

    /** The body with the submitted name, digits and token-like runs (ids, CSRF tokens) taken out. */
    private static String normal(Exchange e, String user) {
        String body = e.body().length() > 4_000 ? e.body().substring(0, 4_000) : e.body();
        body = body.replace(user, "<user>").replace(java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8),
                "<user>");
        return DIGITS.matcher(TOKEN_RUN.matcher(body).replaceAll("<t>")).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
