package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.TraversalProbes.Role;
import dev.parapet.checks.inputvalidation.TraversalProbes.Target;
import dev.parapet.checks.inputvalidation.TraversalProbes.Variant;
import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds file inputs that escape their directory. The engine hands it every input whose value is file-like (by its
 * documented format or description, its name, or a value such as {@code statement.txt}; see {@link ValueShape#FILE})
 * in any location but an XML body. The screen sends the made-up control file and the primary target
 * ({@code /etc/passwd}) in the first spelling; a file read back, or a file-system error that the baseline lacks, is a
 * signal. Confirmation tries the other spellings, fallbacks ({@code /proc/self/environ}, {@code win.ini}) when the
 * primary was not reached, and follow-ups ({@code /proc/self/cgroup}, the Kubernetes service-account token) with the
 * spelling that worked (see {@link TraversalProbes}). The application's own files ({@code ../.env},
 * {@code ../package.json}, {@code ../WEB-INF/web.xml}…), which frameworks that confine reads to their tree still
 * serve, are tried one to four levels up ({@link AppFileReads}).
 *
 * <p>Only content decides: a file counts as read when its signature is in the answer and was not in the baseline,
 * whatever the status. Every finding is CONFIRMED (the file was read back) and carries {@code container-escape}
 * and {@code stage:host}; {@code stage:credentials} is added when the file hands out a credential (a token, or an
 * environment holding a secret). Evidence masks secret values. Stateless and thread-safe.
 */
public final class PathTraversalCheck implements InputCheck<PathTraversalCheck.Signal> {

    static final String REMEDIATION = """
            Never join request input to a file path. Map names to files through an allow-list, and confine what \
            is left: resolve the path and require it to stay inside the base directory. Koa/Node:
            ```js
            const file = path.resolve(BASE_DIR, name);
            if (!ALLOWED_FILES.has(name) || !file.startsWith(BASE_DIR + path.sep)) ctx.throw(404);
            ```
            Java: `Path p = base.resolve(name).normalize(); if (!p.startsWith(base)) throw new NotFound();`. \
            Python: `p = (BASE / name).resolve(); p.relative_to(BASE)` (raises outside BASE). Also run as a \
            non-root user on a read-only root filesystem, keep secrets out of the process environment (mounted \
            files instead), and set automountServiceAccountToken: false where the pod needs no API access.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("path-traversal", Category.INPUT_VALIDATION,
            "File parameter escapes its directory",
            "Sends ../ traversals (plain, percent-encoded, encoded slash, absolute) to /etc/passwd, "
                    + "/proc/self/environ, /proc/self/cgroup, the Kubernetes service-account token and win.ini "
                    + "through every file-like input, and reports files recognised by their content.",
            Severity.CRITICAL, List.of(22), 0, Set.of("path-traversal", "file-read"), REMEDIATION);

    /** What a screen saw: the baseline, and the file it already read, if any. */
    record Signal(Exchange baseline, Optional<Hit> hit) {
    }

    /** A file read back: which, in which spelling, through which value. */
    record Hit(Target target, Variant variant, String value, Exchange exchange) {
    }

    private final Supplier<TraversalProbes> probes = CheckData.once(() -> TraversalProbes.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.PASSIVE ? Optional.of("passive mode sends no traversal values")
                : Optional.empty();
    }

    /** File-like inputs, but never one whose value is a URL, a boolean or a plain number ({@code page=2}). */
    @Override
    public boolean appliesTo(InputPoint p) {
        return p.is(ValueShape.FILE) && p.location() != InputLocation.XML && !p.is(ValueShape.URL)
                && !p.is(ValueShape.BOOLEAN) && !plainNumber(p.value());
    }

    private static boolean plainNumber(String v) {
        return !v.isEmpty() && v.chars().allMatch(Character::isDigit);
    }

    /** Baseline, control, primary target in the first spellings, the screened application files. */
    @Override
    public int screenCost() {
        return 2 + probes.get().screenVariants() + probes.get().appFiles().screen().size();
    }

    /** The other spellings of the primary, the fallbacks in their first spellings, and every follow-up. */
    @Override
    public int confirmCost() {
        return probes.get().variants().size() - probes.get().screenVariants()
                + fallbackTargets().size() * probes.get().fallbackVariants() + probes.get().targets().size()
                + AppFileReads.confirmCost(probes.get());
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Exchange baseline = ctx.probe(p.baseline());
        if (!baseline.answered()) {
            return Optional.empty();
        }
        Exchange control = ctx.probe(p.withValue(probes.get().controlName()));
        Target primary = targets(Role.PRIMARY).getFirst();
        for (Variant v : probes.get().variants().subList(0, probes.get().screenVariants())) {
            Optional<Hit> hit = attempt(ctx, p, baseline, primary, v);
            if (hit.isPresent()) {
                return Optional.of(new Signal(baseline, hit));
            }
        }
        Optional<Hit> app = AppFileReads.screen(ctx, p, baseline, probes.get());
        if (app.isPresent()) {
            return Optional.of(new Signal(baseline, app));
        }
        boolean errors = control.answered() && probes.get().fileSystemError(control.body())
                && !probes.get().fileSystemError(baseline.body());
        return errors ? Optional.of(new Signal(baseline, Optional.empty())) : Optional.empty();
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal signal) throws InterruptedException {
        Map<String, Hit> hits = new LinkedHashMap<>();
        Optional<Hit> app = signal.hit().filter(h -> h.target().role() == Role.APP);
        Optional<Hit> first = signal.hit().filter(h -> h.target().role() != Role.APP);
        if (first.isEmpty()) {
            first = discover(ctx, p, signal.baseline());
        }
        if (first.isPresent()) {
            Hit found = first.get();
            hits.put(found.target().id(), found);
            for (Target t : probes.get().targets()) {
                boolean samePlatform = t.platform().equals(found.target().platform());
                if (!hits.containsKey(t.id()) && samePlatform && t.role() != Role.PRIMARY) {
                    attempt(ctx, p, signal.baseline(), t, found.variant()).ifPresent(h -> hits.put(t.id(), h));
                }
            }
        }
        Variant climbing = first.map(Hit::variant).filter(Variant::climbs).orElse(probes.get().variants().getFirst());
        for (Hit h : AppFileReads.confirm(ctx, p, signal.baseline(), probes.get(), app, climbing)) {
            hits.putIfAbsent(h.target().id(), h);
        }
        List<Finding> out = new ArrayList<>();
        for (Hit h : hits.values()) {
            out.add(finding(p, signal.baseline(), h));
        }
        return out;
    }

    /** The primary in the spellings the screen skipped, then each fallback in the first few. */
    private Optional<Hit> discover(CheckContext ctx, InputPoint p, Exchange baseline) throws InterruptedException {
        for (Target t : targets(Role.PRIMARY)) {
            for (Variant v : probes.get().variants().subList(probes.get().screenVariants(), probes.get().variants().size())) {
                Optional<Hit> hit = attempt(ctx, p, baseline, t, v);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        List<Variant> few = probes.get().variants().subList(0, Math.min(probes.get().fallbackVariants(), probes.get().variants().size()));
        for (Target t : fallbackTargets()) {
            for (Variant v : few) {
                Optional<Hit> hit = attempt(ctx, p, baseline, t, v);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    private List<Target> fallbackTargets() {
        return targets(Role.FALLBACK);
    }

    private List<Target> targets(Role role) {
        return probes.get().targets().stream().filter(t -> t.role() == role).toList();
    }

    private static Optional<Hit> attempt(CheckContext ctx, InputPoint p, Exchange baseline, Target t, Variant v)
            throws InterruptedException {
        return attempt(ctx, p, baseline, t, v, v.value(t));
    }

    /** Sends {@code value} and keeps the answer when it is {@code t} and the baseline was not. */
    static Optional<Hit> attempt(CheckContext ctx, InputPoint p, Exchange baseline, Target t, Variant v, String value)
            throws InterruptedException {
        if (ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        Exchange e = ctx.probe(p.withRawValue(value));
        return e.answered() && t.readIn(e.body(), baseline.body()) ? Optional.of(new Hit(t, v, value, e))
                : Optional.empty();
    }

    private Finding finding(InputPoint p, Exchange baseline, Hit hit) {
        Target t = hit.target();
        String body = hit.exchange().body();
        boolean credentials = t.credentials() || t.id().equals("environ") && HostFileEvidence.holdsSecret(probes.get(), body)
                || t.role() == Role.APP && HostFileEvidence.holdsSecretSetting(probes.get(), body);
        Severity severity = credentials && t.role() == Role.APP ? Severity.CRITICAL : t.severity();
        String named = t.id().equals("cgroup") ? HostFileEvidence.runtime(probes.get(), body) : "";
        String runtime = named.isEmpty() ? ""
                : named.startsWith("cgroup") ? " (" + named + ")" : " (container: " + named + ")";
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(severity).confidence(Confidence.CONFIRMED)
                .title("Path traversal in '" + p.name() + "' reads " + t.label() + runtime
                        + (t.role() == Role.APP ? " (" + hit.value() + ")" : ""))
                .endpoint(new Endpoint(p.operation().method(), p.operation().uri(), p.operation().source()))
                .parameter(p.name())
                .evidence(Snippets.join(List.of(p.describe() + " = " + hit.value() + " -> "
                        + hit.exchange().status() + ", " + HostFileEvidence.describe(probes.get(), t, body),
                        "baseline " + p.name() + "=" + p.value() + " -> " + baseline.status(),
                        "spelling: " + hit.variant().id())))
                .exchange(hit.exchange()).exchange(baseline)
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:host")
                .discriminator(t.id());
        if (credentials) {
            b.tag("stage:credentials");
        }
        return b.build();
    }
}
