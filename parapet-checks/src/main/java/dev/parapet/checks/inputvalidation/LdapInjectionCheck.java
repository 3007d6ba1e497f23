package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Refusals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds request values pasted into LDAP search filters. The engine hands it the text inputs of reads (and, in active
 * mode, body fields of the login operation and of search POSTs, see {@link InjectionWriteScope}, sent through
 * {@link WriteAwareProbe}). Two independent ways, each against a control, never by status alone:
 * <ul>
 *   <li>an error: the original value with {@code )(|(uid=*} appended makes the answer carry an LDAP stack's filter
 *   error ({@code checks/ldap-injection/probes.json}) that the baseline and the same characters escaped as RFC 4515
 *   says ({@code \29\28…}) lack (HIGH, FIRM);</li>
 *   <li>result counts: the wildcard {@code *} is granted data unlike a value nothing matches, and then
 *   {@code *)(objectClass=*}, which only adds an item when its parentheses land in the filter's text, answers like
 *   the wildcard while its escaped twin answers like the value nothing matches (HIGH, CONFIRMED). A search engine
 *   that merely globs {@code *} treats both alike; a refusal ({@code 200 {"error": ...}}) is never granted data.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class LdapInjectionCheck implements InputCheck<LdapInjectionCheck.Signal> {

    static final Supplier<LdapProbes> PROBES = CheckData.once(LdapProbes::load);
    static final Supplier<StackErrorTexts> TEXTS = CheckData.once(() -> StackErrorTexts.of(PROBES.get().errors()));

    static final String REMEDIATION = """
            Never paste request values into an LDAP filter. Escape every value as RFC 4515 says (`*` `(` `)` `\\` \
            and NUL as `\\2a` `\\28` `\\29` `\\5c` `\\00`) or, better, use the library's filter builder: Java \
            `new EqualsFilter("uid", value).encode()` (Spring LDAP) or `Filter.createEqualityFilter` (UnboundID), \
            JNDI `ctx.search(base, "(uid={0})", new Object[]{value}, controls)`; Python ldap3 \
            `escape_filter_chars(value)`; PHP `ldap_escape($value, "", LDAP_ESCAPE_FILTER)`; .NET \
            `LdapFilterEncode`. Validate the value's shape (a user name is letters, digits, dots) first, and answer \
            directory errors with a generic message.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("ldap-injection", Category.INPUT_VALIDATION,
            "LDAP filter built from request values",
            "Appends unbalanced filter parentheses against their RFC 4515-escaped twin and compares a wildcard, an "
                    + "injected objectClass item and a value nothing matches; reports inputs whose answers show a "
                    + "directory's filter error or follow the injected filter.",
            Severity.HIGH, List.of(90), 0, Set.of("ldap-injection", "injection"), REMEDIATION);

    /** An answer and the value that got it. */
    record Sent(String value, Exchange exchange) {
    }

    /** What the screen saw: the error, if any, and whether the wildcard was granted unlike the value nothing matches. */
    record Signal(WriteAwareProbe probe, Sent baseline, Sent breaking, Sent control, Optional<StackErrorTexts.Match> error,
                  Sent wildcard, Sent never, boolean counts) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("passive mode sends no probe values") : Optional.empty();
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return InjectedInputs.holdsQueryText(p);
    }

    /** The caller's object for an update, the baseline, the breaking value and its control, wildcard and never. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 5;
    }

    /** The injected item and its escaped twin. */
    @Override
    public int confirmCost() {
        return 2;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<WriteAwareProbe> prepared = InjectionWriteScope.admits(ctx, p) ? WriteAwareProbe.prepare(ctx, p)
                : Optional.empty();
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        WriteAwareProbe probe = prepared.get();
        Exchange base = probe.baseline(ctx);
        if (!base.answered()) {
            return Optional.empty();
        }
        Sent baseline = new Sent(p.value(), base);
        LdapProbes data = PROBES.get();
        Sent breaking = send(ctx, probe, p.value() + data.breaking());
        Sent control = send(ctx, probe, p.value() + data.control());
        Optional<StackErrorTexts.Match> error = breaking.exchange().answered() && control.exchange().answered()
                ? TEXTS.get().freshIn(breaking.exchange().body(), List.of(base.body(), control.exchange().body()))
                : Optional.empty();
        Sent wildcard = send(ctx, probe, data.wildcard());
        Sent never = send(ctx, probe, InjectedInputs.neverMatching());
        boolean counts = Refusals.granted(wildcard.exchange()) && never.exchange().answered()
                && !alike(wildcard, never, p);
        return error.isEmpty() && !counts ? Optional.empty()
                : Optional.of(new Signal(probe, baseline, breaking, control, error, wildcard, never, counts));
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        Optional<Sent[]> injected = Optional.empty();
        if (s.counts()) {
            Sent structural = send(ctx, s.probe(), PROBES.get().structural());
            Sent escaped = send(ctx, s.probe(), PROBES.get().escapedStructural());
            if (alike(structural, s.wildcard(), p) && alike(escaped, s.never(), p) && !alike(escaped, s.wildcard(), p)) {
                injected = Optional.of(new Sent[]{structural, escaped});
            }
        }
        if (s.error().isEmpty() && injected.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category());
        List<String> how = new ArrayList<>();
        s.error().ifPresent(e -> {
            how.add("filter error, " + e.stack());
            parts.add(s.probe().label(s.breaking().value()) + " -> " + s.breaking().exchange().status() + " "
                    + Snippets.oneLine(e.text(), 90));
            parts.add("escaped " + s.probe().label(s.control().value()) + " -> " + s.control().exchange().status()
                    + " without it");
            b.exchange(s.breaking().exchange()).exchange(s.control().exchange());
        });
        injected.ifPresent(i -> {
            how.add("the injected filter decides the results");
            parts.add(s.probe().label(s.wildcard().value()) + " -> " + s.wildcard().exchange().status() + " "
                    + Snippets.oneLine(s.wildcard().exchange().body(), 50));
            parts.add(s.probe().label(s.never().value()) + " -> " + Snippets.oneLine(s.never().exchange().body(), 30));
            parts.add(i[0].value() + " answered like the wildcard, escaped " + i[1].value() + " like no match");
            b.exchange(s.wildcard().exchange()).exchange(s.never().exchange()).exchange(i[0].exchange())
                    .exchange(i[1].exchange());
        });
        parts.add("baseline " + s.probe().label(p.value()) + " -> " + s.baseline().exchange().status());
        return List.of(b.severity(Severity.HIGH)
                .confidence(injected.isPresent() ? Confidence.CONFIRMED : Confidence.FIRM)
                .title("LDAP injection in the " + p.describe() + " (" + String.join("; ", how) + ")")
                .endpoint(InjectedInputs.endpoint(p)).parameter(p.name()).discriminator(p.location().id())
                .evidence(Snippets.join(parts)).exchange(s.baseline().exchange())
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build());
    }

    private static Sent send(CheckContext ctx, WriteAwareProbe probe, String value) throws InterruptedException {
        return new Sent(value, probe.send(ctx, value));
    }

    private static boolean alike(Sent a, Sent b, InputPoint p) {
        return SqlAnswers.same(a.exchange(), a.value(), b.exchange(), b.value(), p.value());
    }
}
