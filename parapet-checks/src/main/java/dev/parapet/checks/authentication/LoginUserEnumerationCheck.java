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

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a login tells an existing account from an unknown one. In active mode only (a login is a POST), it posts
 * a made-up user name and then a likely existing one ({@link KnownAccounts}), both with a made-up wrong password,
 * and compares the answers: the status, the message (the submitted name, digits and token-like runs aside), a
 * phrase that names the reason ({@code user not found}, {@code wrong password}), and the time taken. A difference
 * is confirmed by one more pair with fresh values: four attempts in all, two wrong passwords for the existing
 * account, never enough to lock it. Stateless and thread-safe.
 */
public final class LoginUserEnumerationCheck implements Check {

    /** Two pairs: the comparison and its repetition. */
    private static final int ATTEMPTS = 4;
    /** An existing account answered this much slower, on both tries, than the unknown one on either. */
    static final Duration SLOWER = Duration.ofMillis(150);

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("login-user-enumeration", Category.AUTHENTICATION,
            "Login reveals which accounts exist",
            "In active mode, posts an unknown user name and a likely existing one with a wrong password to the "
                    + "login, and reports a different status, message or response time, confirmed by a second pair.",
            Severity.MEDIUM, List.of(204, 203), ATTEMPTS, Set.of("authentication", "active", "user-enumeration"),
            "Answer every failed login the same way, in status, body and time: one message such as `Invalid user "
                    + "name or password`, and verify a dummy password hash when the user does not exist, so both "
                    + "paths take as long.");

    /** Refusal phrases that name the reason: data in {@code phrases.json}. */
    record Phrases(List<String> unknownUser, List<String> wrongPassword) {
    }

    private static final Supplier<Phrases> PHRASES = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "phrases.json", Phrases.class));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<CredentialForm> logins = ctx.mode() == ScanMode.ACTIVE ? CredentialForms.logins(ctx.inventory(), 1)
                : List.of();
        Optional<CheckOutcome> skip = CredentialForms.unavailable(ctx, logins, "a login is a POST", "login");
        if (skip.isPresent()) {
            return skip.get();
        }
        CredentialForm login = logins.getFirst();
        String known = KnownAccounts.likely(ctx.inventory(), login);
        LoginPair first = LoginPair.send(ctx, login, known);
        if (!first.judgeable() || first.difference(PHRASES.get()).isEmpty()) {
            return CheckOutcome.none();
        }
        LoginPair again = LoginPair.send(ctx, login, known);
        Optional<String> difference = first.difference(PHRASES.get());
        if (!again.judgeable() || !again.difference(PHRASES.get()).equals(difference) || !again.sameAs(first)) {
            return CheckOutcome.none();
        }
        String kind = difference.get();
        boolean timing = kind.equals("timing");
        boolean named = kind.equals("phrase");
        String evidence = login.describe() + ": unknown user -> " + first.unknown().status() + " "
                + Snippets.oneLine(first.unknownText(), 70) + "; '" + known + "' with a wrong password -> "
                + first.known().status() + " " + Snippets.oneLine(first.knownText(), 70)
                + (timing ? "; " + first.timing() + ", again " + again.timing() : "") + "; repeated with fresh values: the same";
        return CheckOutcome.findings(List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(timing ? Severity.LOW : Severity.MEDIUM)
                .confidence(timing ? Confidence.TENTATIVE : named ? Confidence.CONFIRMED : Confidence.FIRM)
                .title(timing ? "Login answers existing accounts measurably slower" : "Login tells existing accounts "
                        + "from unknown ones by its " + (kind.equals("status") ? "status" : "message"))
                .parameter(login.userField())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(first.known()).exchange(first.unknown()).exchange(again.known()).exchange(again.unknown())
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(login.uri().getRawPath())
                .build()));
    }

    /** Whether {@code e} (a failed login) is slower than {@code than} by at least {@link #SLOWER}. */
    static boolean slower(Exchange e, Exchange than) {
        return e.elapsed().minus(than.elapsed()).compareTo(SLOWER) >= 0
                && e.elapsed().toMillis() >= 2 * Math.max(1, than.elapsed().toMillis());
    }
}
