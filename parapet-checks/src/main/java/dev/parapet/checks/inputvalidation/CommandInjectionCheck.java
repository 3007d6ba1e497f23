package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.ShellSpellings.Spelling;
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

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds inputs pasted into a shell command line. The engine hands it every text input (see
 * {@link InjectedInputs#holdsText}); bodies only in {@code --mode active}, sent through {@link WriteAwareProbe} so
 * nothing is left behind. The screen appends {@code echo $((a*b))} in the first spellings of
 * {@code checks/command-injection/spellings.json} with fresh random factors: the product in the answer, absent from
 * the baseline and from the value sent, means a shell evaluated the input. In active mode an input that echoed
 * nothing is also sent {@code ;sleep 2}. A shell error in an answer earns the other spellings.
 *
 * <p>Confirmation never rests on one answer: an echo is repeated with two new factors in the same spelling and
 * must show the new product (CONFIRMED); a delay must recur with another length and be absent from a
 * {@code ;sleep 0} control (FIRM). Findings are critical and carry {@code container-escape} and {@code stage:host}:
 * the caller runs commands inside the server's container. Stateless and thread-safe.
 */
public final class CommandInjectionCheck implements InputCheck<CommandInjectionCheck.Signal> {

    static final String REMEDIATION = """
            Never build a shell command line from request input. Call the program directly with an argument list \
            (no shell), after validating the value against a strict pattern, and pass values after `--` so they \
            cannot become options. Python: `subprocess.run(["getent", "hosts", "--", host], shell=False)` after \
            `re.fullmatch(r"[A-Za-z0-9.-]{1,253}", host)`. Node: `execFile("getent", ["hosts", "--", host])`, never \
            `exec()`. Java: `new ProcessBuilder("getent", "hosts", "--", host)`, never `Runtime.exec(String)` or \
            `sh -c`. Better still, use a library call instead of a program (InetAddress, dns.lookup, socket).""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("command-injection", Category.INPUT_VALIDATION,
            "Input runs as a shell command",
            "Appends echo $((a*b)) with random factors through every text input (;, $( ), quotes, |, &&, backticks, "
                    + "newline and cmd.exe's set /a) and reports inputs whose answer holds the product; in active mode "
                    + "also a bounded sleep against a control.",
            Severity.CRITICAL, List.of(78, 77), 0, Set.of("command-injection", "rce"), REMEDIATION);

    static final Supplier<ShellSpellings> DATA = CheckData.once(ShellSpellings::load);

    /** What a screen saw. */
    sealed interface Signal {
        WriteAwareProbe probe();

        Exchange baseline();
    }

    /** The product came back for {@code spelling}. */
    record Echoed(WriteAwareProbe probe, Exchange baseline, Spelling spelling, ArithmeticNonce nonce,
                  String value, Exchange answer) implements Signal {
    }

    /** A shell error appeared that the baseline lacks: the input reached a shell. */
    record ShellError(WriteAwareProbe probe, Exchange baseline) implements Signal {
    }

    /** {@code ;sleep N} took at least N seconds longer than the baseline (active mode only). */
    record Delayed(WriteAwareProbe probe, Exchange baseline, Exchange answer) implements Signal {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("passive mode sends no command values") : Optional.empty();
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return InjectedInputs.holdsText(p);
    }

    /** The reads that find an object to update, the baseline, the screened spellings, one delay. */
    @Override
    public int screenCost() {
        return WriteAwareProbe.PREPARE_PROBES + 1 + DATA.get().screen() + 1;
    }

    /** The other spellings, the echo again, the control and the second delay. */
    @Override
    public int confirmCost() {
        return DATA.get().others().size() + 1 + 2;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Optional<WriteAwareProbe> prepared = InjectedInputs.prepare(ctx, p);
        if (prepared.isEmpty()) {
            return Optional.empty();
        }
        WriteAwareProbe probe = prepared.get();
        Exchange baseline = probe.baseline(ctx);
        if (!baseline.answered()) {
            return Optional.empty();
        }
        boolean shellError = false;
        for (Spelling s : DATA.get().screened()) {
            Attempt a = attempt(ctx, p, probe, s);
            if (a.echoedOver(baseline)) {
                return Optional.of(new Echoed(probe, baseline, s, a.nonce(), a.value(), a.answer()));
            }
            shellError |= a.answer().answered() && DATA.get().shellError(a.answer().body())
                    && !DATA.get().shellError(baseline.body());
        }
        if (shellError) {
            return Optional.of(new ShellError(probe, baseline));
        }
        if (ctx.mode() == ScanMode.ACTIVE && ctx.remainingBudget() > 0) {
            int n = DATA.get().delay().screenSeconds();
            Exchange slow = probe.send(ctx, DATA.get().delay().build(p.value(), n));
            if (slow.answered() && slower(slow, baseline, n)) {
                return Optional.of(new Delayed(probe, baseline, slow));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal signal) throws InterruptedException {
        return switch (signal) {
            case Echoed e -> confirmEcho(ctx, p, e).stream().toList();
            case ShellError s -> {
                for (Spelling other : DATA.get().others()) {
                    if (ctx.remainingBudget() <= 1) {
                        break;
                    }
                    Attempt a = attempt(ctx, p, s.probe(), other);
                    if (a.echoedOver(s.baseline())) {
                        yield confirmEcho(ctx, p, new Echoed(s.probe(), s.baseline(), other, a.nonce(), a.value(),
                                a.answer())).stream().toList();
                    }
                }
                yield List.of();
            }
            case Delayed d -> confirmDelay(ctx, p, d).stream().toList();
        };
    }

    /** The same spelling with two new factors: the new product must come back too. */
    private static Optional<Finding> confirmEcho(CheckContext ctx, InputPoint p, Echoed e) throws InterruptedException {
        if (ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        Attempt again = attempt(ctx, p, e.probe(), e.spelling());
        if (!again.echoedOver(e.baseline())) {
            return Optional.empty();
        }
        String shell = e.spelling().shell().equals("cmd.exe") ? "cmd.exe" : "a POSIX shell";
        String evidence = Snippets.join(List.of(
                e.probe().label(e.value()) + " -> " + e.answer().status() + ", the answer holds "
                        + e.nonce().product() + " (" + e.nonce().a() + "*" + e.nonce().b() + "): "
                        + around(e.answer().body(), e.nonce()),
                "again with " + again.nonce().a() + "*" + again.nonce().b() + " -> " + again.nonce().product(),
                "the baseline (" + p.name() + "=" + p.value() + ", " + e.baseline().status() + ") holds neither",
                "spelling: " + e.spelling().id() + ", run by " + shell));
        return Optional.of(base(p).confidence(Confidence.CONFIRMED)
                .title("Command injection through " + InjectedInputs.where(p) + ": " + shell
                        + " evaluates what it is sent")
                .evidence(evidence).exchange(e.answer()).exchange(again.answer()).exchange(e.baseline()).build());
    }

    /** A {@code ;sleep 0} control, then another length: only the sleeps may be slow. */
    private static Optional<Finding> confirmDelay(CheckContext ctx, InputPoint p, Delayed d)
            throws InterruptedException {
        if (ctx.remainingBudget() < 2) {
            return Optional.empty();
        }
        Exchange control = d.probe().send(ctx, DATA.get().delay().build(p.value(), 0));
        int n = DATA.get().delay().confirmSeconds();
        Exchange slow = d.probe().send(ctx, DATA.get().delay().build(p.value(), n));
        if (!control.answered() || !slow.answered() || !slower(slow, control, n)
                || !slower(d.answer(), control, DATA.get().delay().screenSeconds())) {
            return Optional.empty();
        }
        String evidence = Snippets.join(List.of(
                d.probe().label(DATA.get().delay().build(p.value(), DATA.get().delay().screenSeconds())) + " took "
                        + millis(d.answer().elapsed()) + " ms",
                "with sleep " + n + ": " + millis(slow.elapsed()) + " ms",
                "control with sleep 0: " + millis(control.elapsed()) + " ms"));
        return Optional.of(base(p).confidence(Confidence.FIRM)
                .title("Command injection through " + InjectedInputs.where(p) + ": an appended sleep delays the answer")
                .evidence(evidence).exchange(d.answer()).exchange(slow).exchange(control).exchange(d.baseline()).build());
    }

    /** One probe of {@code spelling} with fresh factors. */
    private static Attempt attempt(CheckContext ctx, InputPoint p, WriteAwareProbe probe, Spelling spelling)
            throws InterruptedException {
        ArithmeticNonce nonce = ArithmeticNonce.fresh();
        String value = spelling.build(p.value(), nonce);
        return new Attempt(nonce, value, probe.send(ctx, value), probe.text(value));
    }

    /** What one spelling got back; {@code sent} is everything of the request the target could echo. */
    private record Attempt(ArithmeticNonce nonce, String value, Exchange answer, String sent) {
        boolean echoedOver(Exchange baseline) {
            return answer.answered() && nonce.productIn(answer.body(), sent)
                    && !nonce.productIn(baseline.body(), "");
        }
    }

    /** Whether {@code slow} took at least 90 % of {@code seconds} longer than {@code reference}. */
    private static boolean slower(Exchange slow, Exchange reference, int seconds) {
        long extra = slow.elapsed().toMillis() - reference.elapsed().toMillis();
        return extra >= seconds * 900L;
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }

    private static String around(String body, ArithmeticNonce nonce) {
        for (String form : nonce.forms()) {
            int at = body.indexOf(form);
            if (at >= 0) {
                return Snippets.around(body, at, at + form.length(), 40);
            }
        }
        return "";
    }

    private static Finding.Builder base(InputPoint p) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category()).severity(Severity.CRITICAL)
                .endpoint(InjectedInputs.endpoint(p)).parameter(p.name())
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:host");
    }
}
