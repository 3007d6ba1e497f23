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
import dev.parapet.spi.Refusals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registrations that accept a trivial password. In active mode only, it signs up one account whose user name and
 * email are marked as Parapet's ({@code parapet-weakpw-…}, {@code @example.invalid}) with the weakest password first
 * ({@code a}, then {@code 123456}, then {@code password}, data in {@code passwords.json}), stopping at the first the
 * API takes, so at most one account is created. Accepted means a 2xx answer that names no password rule and no
 * error; CONFIRMED when the login then lets that account in with the weak password, else FIRM. It signs up only
 * with {@code --allow-delete}: the account is recorded in the undo ledger and deleted again as itself when the API
 * documents a DELETE for it, else reported as left behind with where it lives and how to delete it
 * ({@link CreatedAccount}). Stateless.
 */
public final class WeakPasswordAcceptedCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("weak-password-accepted", Category.AUTHENTICATION,
            "Registration accepts trivial passwords",
            "In active mode, signs up one Parapet-marked account with the passwords 'a', '123456' or 'password', "
                    + "logs in with the one accepted to confirm, and deletes the account again where the API allows.",
            Severity.MEDIUM, List.of(521, 1391), 5, Set.of("authentication", "active", "password-policy"),
            "Enforce a password policy on the server at sign-up and on every password change: at least 12 "
                    + "characters (NIST SP 800-63B allows 8 as a floor), checked against a list of breached and "
                    + "common passwords, no composition rules needed.");

    /** The weak passwords and the phrases of a password rule at work: {@code passwords.json}. */
    record Passwords(List<String> weakPasswords, List<String> refusals) {
    }

    private static final Supplier<Passwords> DATA = CheckData.once(() -> CheckData.load(DESCRIPTOR.id(), "passwords.json", Passwords.class));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        List<CredentialForm> signups = ctx.mode() == ScanMode.ACTIVE
                ? CredentialForms.registrations(ctx.inventory(), 1) : List.of();
        Optional<CheckOutcome> skip = CredentialForms.unavailable(ctx, signups, "signing up writes an account",
                "registration");
        if (skip.isPresent()) {
            return skip.get();
        }
        if (!ctx.mayDelete()) {
            return CheckOutcome.notApplicable("signs up an account with a weak password: only with --allow-delete, "
                    + "so the account is deleted again");
        }
        CredentialForm signup = signups.getFirst();
        String marker = "parapet-weakpw-" + CredentialForms.randomHex();
        String email = marker + "@example.invalid";
        String user = signup.emailUser() ? email : marker;
        for (String password : DATA.get().weakPasswords()) {
            Exchange e = ctx.probe(signup.post(user, password, RegistrationFields.fill(signup, marker, email)));
            if (!e.answered() || e.status() == 429) {
                return CheckOutcome.none();
            }
            if (accepted(e)) {
                CreatedAccount account = CreatedAccount.of(ctx, signup, user, e);
                Optional<Exchange> login = loginWith(ctx, marker, email, password);
                return CheckOutcome.findings(List.of(finding(signup, password, e, login, account.undo(ctx, login))));
            }
        }
        return CheckOutcome.none();
    }

    private static boolean accepted(Exchange e) {
        if (e.status() / 100 != 2 || Refusals.refused(e) || Refusals.judge(e).verdict() == Refusals.Verdict.ERROR) {
            return false;
        }
        String text = " " + Snippets.oneLine(e.body(), 2_000).toLowerCase(java.util.Locale.ROOT) + " ";
        return DATA.get().refusals().stream().noneMatch(text::contains);
    }

    /** The login letting the new account in with the weak password: granted, not refused. */
    private static Optional<Exchange> loginWith(CheckContext ctx, String marker, String email, String password)
            throws InterruptedException {
        List<CredentialForm> logins = CredentialForms.logins(ctx.inventory(), 1);
        if (logins.isEmpty()) {
            return Optional.empty();
        }
        CredentialForm login = logins.getFirst();
        Exchange e = ctx.probe(login.post(login.emailUser() ? email : marker, password));
        return e.answered() && e.status() / 100 == 2 && Refusals.granted(e) ? Optional.of(e) : Optional.empty();
    }

    private static Finding finding(CredentialForm signup, String password, Exchange created, Optional<Exchange> login,
                                   CreatedAccount.Undo undo) {
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(login.isPresent() ? Confidence.CONFIRMED : Confidence.FIRM)
                .title("Registration accepts the password '" + password + "'")
                .parameter(signup.passwordField())
                .evidence(Snippets.oneLine(signup.describe() + " with password '" + password + "' -> "
                        + Refusals.judge(created).reason() + (login.isPresent() ? "; the login then let the account in "
                        + "with it (" + login.get().status() + ")" : "; no login was found to confirm it") + "; "
                        + undo.evidence(), Snippets.MAX_EVIDENCE))
                .exchange(created)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(signup.uri().getRawPath());
        if (!undo.undone()) {
            b.tag("left-behind");
        }
        login.ifPresent(b::exchange);
        return b.build();
    }
}
