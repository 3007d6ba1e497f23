package dev.parapet.checks.unsafeconsumption;

import java.util.function.Supplier;
import dev.parapet.checks.support.CanaryEvidence;
import dev.parapet.checks.support.CanaryRound;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.CreatedObjects;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.WriteTicket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds webhook and callback registrations that accept any host, confirmed through the scan's canary: each
 * registration is given one fresh canary URL, and a request for that token on the canary (a verification ping or
 * the first delivery) is the proof. In {@code safe} mode only GET-shaped registrations ({@code ?callback_url=},
 * {@code ?webhook=}) are tried; POST registrations from the API description only in {@code active} mode, since
 * registering creates state: every accepted one is recorded in the undo ledger (with the canary URL as its marker)
 * and deleted again after the wait when the answer names it and {@code --allow-delete} was given, else listed as
 * left behind. Without a canary it does not apply. Stateless and thread-safe.
 */
public final class WebhookAnyHostCheck implements Check {

    static final Supplier<Registration.Rules> RULES = CheckData.once(() -> CheckData.load("webhook-any-host", "registrations.json",
            Registration.Rules.class));
    static final int MAX_REGISTRATIONS = 6;
    /** Registrations often verify the URL asynchronously, so they get a little longer than a fetch. */
    static final Duration WAIT = Duration.ofSeconds(4);

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("webhook-any-host", Category.UNSAFE_CONSUMPTION,
            "Webhook registration accepts any host",
            "Registers Parapet's canary as a callback/webhook URL and reports registrations whose server then calls"
                    + " it: the API will send requests, and its data, to any host a client names.",
            Severity.MEDIUM, List.of(918, 441), MAX_REGISTRATIONS, Set.of("webhook", CanaryEvidence.TAG),
            "Validate callback URLs when they are registered and again before each delivery: https only, resolve the"
                    + " host and refuse loopback, private, link-local and metadata addresses, optionally an allow-list"
                    + " per tenant; verify ownership with a signed challenge before sending data; deliver from an"
                    + " egress proxy that cannot reach internal networks.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }


    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Optional<String> unavailable = CanaryRound.unavailable(ctx);
        if (unavailable.isPresent()) {
            return CheckOutcome.notApplicable(unavailable.get());
        }
        List<Registration> registrations = Registration.find(ctx.inventory(), RULES.get(), ctx.mode() == ScanMode.ACTIVE,
                MAX_REGISTRATIONS);
        if (registrations.isEmpty()) {
            return CheckOutcome.notApplicable(ctx.mode() == ScanMode.ACTIVE
                    ? "no callback or webhook registration found" : "no GET-shaped callback or webhook registration"
                    + " found (POST registrations are tried only in active mode)");
        }
        CanaryRound<Registration> round = CanaryRound.start(ctx);
        round.plant(registrations, r -> "webhook " + r.display(), Registration::probe);
        List<WriteTicket> registered = new ArrayList<>();
        for (CanaryRound.Planted<Registration> pl : round.planted()) {
            if (pl.subject().writes() && pl.probe().answered() && pl.probe().status() / 100 == 2) {
                registered.add(CreatedObjects.record(ctx, pl.probe(), Identity.PRIMARY, Headers.EMPTY,
                        pl.token().url().toString()).ticket());
            }
        }
        try {
            return CheckOutcome.findings(round.called(WAIT, p -> true).stream()
                    .map(WebhookAnyHostCheck::finding).toList());
        } finally {
            for (WriteTicket t : registered) {
                ctx.undo(t);
            }
        }
    }

    private static Finding finding(CanaryRound.Called<Registration> called) {
        CanaryRound.Planted<Registration> pl = called.planted();
        List<CanaryHit> hits = called.hits();
        Registration r = pl.subject();
        String evidence = r.display() + " = " + pl.token().url() + " was accepted (" + pl.probe().status() + ") and "
                + CanaryEvidence.line(pl.token(), hits);
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title((r.writes() ? "POST" : "GET") + " callback registration through '" + r.field()
                        + "' accepts any host")
                .endpoint(r.endpoint()).parameter(r.field())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(pl.probe()).exchange(CanaryEvidence.exchangeOf(pl.token(), hits.getFirst()))
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references())
                .tags(DESCRIPTOR.tags())
                .build();
    }
}
