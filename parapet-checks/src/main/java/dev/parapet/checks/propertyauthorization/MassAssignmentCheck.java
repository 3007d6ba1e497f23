package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Escalation;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
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
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mass assignment proven on the caller's own object, in active mode only (which the configuration allows only
 * against a host the user declared as theirs with {@code --i-own}): reads the primary identity's own object
 * ({@code /me} and similar), writes one privileged property ({@code role} to {@code admin}, {@code isAdmin} to true)
 * with PATCH (PUT of the whole object when PATCH is not offered), reads the object back, and always writes the
 * original value back afterwards, whatever happened. CONFIRMED when the read-back shows the escalated value.
 * Stateless and thread-safe.
 */
public final class MassAssignmentCheck implements Check {

    private static final MassAssignmentTargets TARGETS = MassAssignmentTargets.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("mass-assignment", Category.PROPERTY_AUTHORIZATION,
            "Privileged property writable by its own user (mass assignment)",
            "In active mode, sets a privileged property (role, isAdmin) on the caller's own object, reads it back "
                    + "and restores the original value.",
            Severity.HIGH, List.of(915, 269), TARGETS.ownObjectPaths().size() + 6, Set.of("mass-assignment",
            "active", "privilege-escalation"),
            "Bind request bodies to an input model that lists the writable fields (e.g. "
                    + "`const { name, phone } = body` or a DTO without `role`), and change roles only through an "
                    + "admin-only operation.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() != ScanMode.ACTIVE) {
            return CheckOutcome.notApplicable("writes to the caller's own object: runs only with --mode active "
                    + "against a host named with --i-own");
        }
        for (URI uri : ownObjectCandidates(ctx)) {
            if (ctx.remainingBudget() < 6) {
                break;
            }
            Exchange read = ctx.probe(ProbeRequest.get(uri));
            Optional<JsonNode> object = SpecResponses.carriesData(read) ? SpecResponses.json(read)
                    .filter(JsonNode::isObject) : Optional.empty();
            Optional<Escalation> escalation = object.flatMap(TARGETS::escalationFor);
            if (escalation.isPresent()) {
                return CheckOutcome.findings(probe(ctx, uri, (ObjectNode) object.get(), escalation.get()).stream()
                        .toList());
            }
        }
        return CheckOutcome.none();
    }

    /** Discovered own-object URLs first, then the wordlist under the target. */
    private static Set<URI> ownObjectCandidates(CheckContext ctx) {
        Set<URI> out = new LinkedHashSet<>();
        URI target = ctx.inventory().target();
        String base = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String dir = base.endsWith("/") ? base : base + "/";
        List<URI> listed = TARGETS.ownObjectPaths().stream().map(p -> target.resolve(dir + p)).toList();
        ctx.inventory().answeredGets().stream().map(e -> e.request().uri()).filter(listed::contains).forEach(out::add);
        out.addAll(listed);
        return out;
    }

    /**
     * Escalates, reads back and restores; the restore runs even when the write or the read-back fails, and a
     * finding says whether a last read showed the original value again.
     */
    private static Optional<Finding> probe(CheckContext ctx, URI uri, ObjectNode original, Escalation esc)
            throws InterruptedException {
        Exchange write = null;
        Exchange readBack = null;
        boolean usedPut = false;
        try {
            write = ctx.probe(write(uri, "PATCH", patch(esc.field(), esc.escalated())));
            if (write.status() == 404 || write.status() == 405 || write.status() == 501) {
                usedPut = true;
                write = ctx.probe(write(uri, "PUT", original.deepCopy().set(esc.field(), esc.escalated())));
            }
            readBack = ctx.probe(ProbeRequest.get(uri).withHeader("Cache-Control", "no-cache"));
        } finally {
            if (write != null) {
                ctx.probe(usedPut ? write(uri, "PUT", original)
                        : write(uri, "PATCH", patch(esc.field(), esc.original())));
            }
        }
        if (!hasValue(readBack, esc.field(), esc.escalated())) {
            return Optional.empty();
        }
        Exchange after = ctx.probe(ProbeRequest.get(uri).withHeader("Cache-Control", "no-store"));
        return Optional.of(finding(uri, esc, write, readBack, usedPut, hasValue(after, esc.field(), esc.original())));
    }

    private static boolean hasValue(Exchange e, String field, JsonNode value) {
        return e.status() / 100 == 2 && SpecResponses.json(e).map(n -> n.path(field).equals(value)).orElse(false);
    }

    private static ObjectNode patch(String field, JsonNode value) {
        return JSON.createObjectNode().set(field, value);
    }

    private static ProbeRequest write(URI uri, String method, JsonNode body) {
        return ProbeRequest.of(method, uri).withBody(CONTENT_TYPE, body.toString());
    }

    private static Finding finding(URI uri, Escalation esc, Exchange write, Exchange readBack, boolean put,
                                   boolean restored) {
        String method = put ? "PUT" : "PATCH";
        String evidence = method + " " + uri.getRawPath() + " {\"" + esc.field() + "\":" + esc.escalated() + "} -> "
                + write.status() + "; GET read back \"" + esc.field() + "\":" + esc.escalated() + " (was "
                + esc.original() + "); original written back" + (restored ? " and read again"
                : ", but a last read did not show it: check the object by hand");
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("Own object at " + uri.getRawPath() + " accepts privileged property " + esc.field())
                .parameter(esc.field())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(write).exchange(readBack)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .build();
    }
}
