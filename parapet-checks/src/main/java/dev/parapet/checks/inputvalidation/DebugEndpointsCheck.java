package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.inputvalidation.DebugEndpointList.Entry;
import dev.parapet.checks.inputvalidation.DebugEndpointList.Stage;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds debug and admin endpoints left reachable: CockroachDB status and admin APIs, Go pprof and expvar, environment
 * dumps, Spring actuators, the Werkzeug console, phpinfo, server-status, {@code .env}, {@code .git/config},
 * compose files and metrics (the list and signatures are data, see {@link DebugEndpointList}). Each path is tried
 * under every base path the scan knows ({@code Inventory.basePaths()}: the origin, the target's path, and prefixes
 * discovery learnt such as {@code /api/v2/}), so the budget grows with the number of bases, up to its cap; an answer
 * discovery already recorded for the same GET is judged without a new request.
 *
 * <p>Judged by content only: an answer counts when the entry's signatures match it, and only when a random path
 * under the same base (the control, requested first) does not match them and did not return the same body, so a
 * catch-all that answers every path alike is never reported. Body matches are CONFIRMED; a header-only match (the
 * heap dump, which is only ever requested with HEAD) is FIRM. A secret in the body raises the finding to CRITICAL
 * and adds {@code stage:credentials}; entries that reveal the host or cluster carry {@code container-escape} and
 * {@code stage:host}. Stateless and thread-safe.
 */
public final class DebugEndpointsCheck implements Check {

    /** Start of the random control path; no application routes it. */
    static final String CONTROL_PREFIX = "parapet-nx-";
    /** Requests per base path: every entry and the controls. */
    static final int PER_BASE = 30;
    /** Base paths tried, the origin first; the budget is this many bases' worth. */
    static final int MAX_BASES = 5;
    static final int MAX_REQUESTS = PER_BASE * MAX_BASES;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("debug-endpoints", Category.INPUT_VALIDATION,
            "Debug or admin endpoint exposed",
            "Requests a curated list of debug, admin and configuration paths (CockroachDB status/admin APIs, pprof, "
                    + "environment dumps, actuators, consoles, .env, .git, compose files) and reports those whose "
                    + "content matches, after ruling out catch-all answers with a random control path.",
            Severity.HIGH, List.of(215, 489, 200), MAX_REQUESTS, Set.of("debug-endpoint", "misconfiguration"),
            "Remove debug and admin routes from production builds; serve operational endpoints on a separate port "
                    + "reachable only from the operators' network, behind authentication.");

    private final Supplier<DebugEndpointList> list = CheckData.once(() -> DebugEndpointList.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode requests no unlinked paths");
        }
        List<Finding> findings = new ArrayList<>();
        Set<URI> tried = new HashSet<>();
        Map<URI, Exchange> recorded = new HashMap<>();
        ctx.inventory().answeredGets().forEach(e -> recorded.putIfAbsent(e.request().uri(), e));
        for (URI base : ctx.inventory().basePaths().stream().limit(MAX_BASES).toList()) {
            String nonexistent = CONTROL_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Map<String, Exchange> controls = new HashMap<>();
            for (Entry entry : list.get().entries()) {
                URI uri = base.resolve(entry.path());
                if (ctx.remainingBudget() <= 1 || !tried.add(uri)) {
                    continue;
                }
                Exchange control = controls.get(entry.method());
                if (control == null) {
                    control = ctx.probe(ProbeRequest.of(entry.method(), base.resolve(nonexistent)));
                    controls.put(entry.method(), control);
                }
                Exchange answer = entry.method().equals("GET") && recorded.containsKey(uri) ? recorded.get(uri)
                        : ctx.probe(ProbeRequest.of(entry.method(), uri));
                if (entry.recognises(answer) && !catchAll(entry, answer, control)) {
                    findings.add(finding(entry, answer, control));
                }
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** The control shows the same content: the server answers any path this way. */
    static boolean catchAll(Entry entry, Exchange answer, Exchange control) {
        return entry.recognises(control) || !answer.body().isEmpty() && answer.body().equals(control.body());
    }

    private Finding finding(Entry entry, Exchange answer, Exchange control) {
        Optional<String> secret = list.get().firstSecret(answer.body());
        Set<Stage> stages = entry.stages().isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(entry.stages());
        secret.ifPresent(s -> stages.add(Stage.CREDENTIALS));
        String path = answer.request().uri().getRawPath();
        String type = answer.response().contentType().replaceAll(";.*", "");
        List<String> parts = new ArrayList<>();
        parts.add(entry.method() + " " + path + " -> " + answer.status() + (type.isEmpty() ? "" : " " + type) + ": "
                + entry.matchedText(answer, list.get()::masked));
        secret.ifPresent(s -> parts.add("holds credentials: " + s));
        parts.add("random path " + control.request().uri().getRawPath() + " -> " + control.status() + ", no match");
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(secret.isPresent() ? Severity.CRITICAL : entry.severity())
                .confidence(entry.body().isEmpty() ? Confidence.FIRM : Confidence.CONFIRMED)
                .title("Debug endpoint exposed: " + entry.name() + " at " + path)
                .endpoint(new Endpoint(entry.method(), answer.request().uri(), Endpoint.Source.DISCOVERED))
                .evidence(Snippets.join(parts))
                .exchange(answer).exchange(control)
                .remediation(entry.fix() + " " + DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(entry.id());
        if (!stages.isEmpty()) {
            b.tag(Finding.TAG_CONTAINER_ESCAPE);
            stages.forEach(s -> b.tag("stage:" + s.name().toLowerCase(Locale.ROOT)));
        }
        return b.build();
    }
}
