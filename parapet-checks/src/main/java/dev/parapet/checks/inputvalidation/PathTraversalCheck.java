package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.TraversalProbes.Role;
import dev.parapet.checks.inputvalidation.TraversalProbes.Target;
import dev.parapet.checks.inputvalidation.TraversalProbes.Variant;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
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

/**
 * Finds file parameters that escape their directory. Candidates are query parameters named like files
 * ({@code file}, {@code name}, {@code path}, {@code template}…, never with a numeric value) or whose value looks like
 * a file name. Each is compared with its baseline under traversal values (see {@link TraversalProbes}): the primary
 * target ({@code /etc/passwd}) with every spelling, fallbacks ({@code /proc/self/environ}, {@code win.ini}) when none
 * worked, follow-ups ({@code /proc/self/cgroup}, the Kubernetes service-account token) with a spelling that worked.
 *
 * <p>Only content decides: a file counts as read when its signature is in the answer and was not in the baseline,
 * whatever the status. Every finding is CONFIRMED (the file was read back) and carries {@code container-escape}
 * and {@code stage:host}; {@code stage:credentials} is added when the file hands out a credential (a token, or an
 * environment holding a secret). Evidence masks secret values. Only GET is sent. Stateless and thread-safe.
 */
public final class PathTraversalCheck implements Check {

    private static final int MAX_PARAMETERS = 4;
    /** Enough for the primary target in two spellings and one follow-up. */
    private static final int MIN_PROBES_PER_PARAMETER = 3;

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
                    + "/proc/self/environ, "
                    + "/proc/self/cgroup, the Kubernetes service-account token and win.ini through file-like "
                    + "parameters, and reports files recognised by their content.",
            Severity.CRITICAL, List.of(22), 40, Set.of("path-traversal", "file-read"), REMEDIATION);

    private record Hit(Target target, Variant variant, Exchange exchange) {
    }

    private final TraversalProbes probes = TraversalProbes.load();

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode sends no traversal values");
        }
        List<Finding> findings = new ArrayList<>();
        int probed = 0;
        for (QueryParameters.Candidate c : QueryParameters.candidates(ctx.inventory())) {
            if (!isFileLike(c.parameter()) || probed >= MAX_PARAMETERS
                    || ctx.remainingBudget() < MIN_PROBES_PER_PARAMETER) {
                continue;
            }
            probed++;
            Exchange baseline = c.recorded().orElse(null);
            if (baseline == null) {
                baseline = ctx.probe(ProbeRequest.get(c.uri()));
            }
            if (baseline.answered()) {
                for (Hit hit : traverse(ctx, c, baseline).values()) {
                    findings.add(finding(c, baseline, hit));
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    boolean isFileLike(QueryParameters.Parameter p) {
        String value = p.value();
        if (value.isEmpty() || value.matches("\\d+") || value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return false;
        }
        return probes.fileParameters().contains(p.name().toLowerCase(Locale.ROOT))
                || probes.fileValue().matcher(value).matches();
    }

    /** Tries the primary target, then fallbacks, then follow-ups with the spelling that worked. */
    private Map<String, Hit> traverse(CheckContext ctx, QueryParameters.Candidate c, Exchange baseline)
            throws InterruptedException {
        Map<String, Hit> hits = new LinkedHashMap<>();
        Optional<Hit> first = Optional.empty();
        for (Map.Entry<Target, Variant> attempt : discoveryOrder()) {
            first = attempt(ctx, c, baseline, attempt.getKey(), attempt.getValue());
            if (first.isPresent()) {
                break;
            }
        }
        if (first.isEmpty()) {
            return hits;
        }
        Hit found = first.get();
        hits.put(found.target().id(), found);
        for (Target t : probes.targets()) {
            boolean samePlatform = t.platform().equals(found.target().platform());
            if (!hits.containsKey(t.id()) && samePlatform && t.role() != Role.PRIMARY) {
                attempt(ctx, c, baseline, t, found.variant()).ifPresent(h -> hits.put(t.id(), h));
            }
        }
        return hits;
    }

    /** The primary target in every spelling, then each fallback target in the first few spellings. */
    private List<Map.Entry<Target, Variant>> discoveryOrder() {
        List<Map.Entry<Target, Variant>> order = new ArrayList<>();
        targets(Role.PRIMARY).forEach(t -> probes.variants().forEach(v -> order.add(Map.entry(t, v))));
        List<Variant> few = probes.variants().subList(0, Math.min(probes.fallbackVariants(), probes.variants().size()));
        targets(Role.FALLBACK).forEach(t -> few.forEach(v -> order.add(Map.entry(t, v))));
        return order;
    }

    private List<Target> targets(Role role) {
        return probes.targets().stream().filter(t -> t.role() == role).toList();
    }

    private static Optional<Hit> attempt(CheckContext ctx, QueryParameters.Candidate c, Exchange baseline, Target t,
                                         Variant v) throws InterruptedException {
        if (ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        Exchange e = ctx.probe(ProbeRequest.get(QueryParameters.withRawValue(c.uri(), c.parameter().name(),
                v.value(t))));
        return e.answered() && t.readIn(e.body(), baseline.body()) ? Optional.of(new Hit(t, v, e)) : Optional.empty();
    }

    private Finding finding(QueryParameters.Candidate c, Exchange baseline, Hit hit) {
        Target t = hit.target();
        String param = c.parameter().name();
        String body = hit.exchange().body();
        boolean credentials = t.credentials() || t.id().equals("environ") && HostFileEvidence.holdsSecret(probes, body);
        String named = t.id().equals("cgroup") ? HostFileEvidence.runtime(probes, body) : "";
        String runtime = named.isEmpty() ? ""
                : named.startsWith("cgroup") ? " (" + named + ")" : " (container: " + named + ")";
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(t.severity()).confidence(Confidence.CONFIRMED)
                .title("Path traversal in '" + param + "' reads " + t.label() + runtime)
                .endpoint(new Endpoint("GET", c.uri(), Endpoint.Source.DISCOVERED)).parameter(param)
                .evidence(Snippets.join(List.of(param + "=" + hit.variant().value(t) + " -> "
                        + hit.exchange().status() + ", " + HostFileEvidence.describe(probes, t, body),
                        "baseline " + param + "=" + c.parameter().value() + " -> " + baseline.status(),
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
