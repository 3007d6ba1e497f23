package dev.parapet.checks.bola;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.bola.ObjectRefs.ObjectRef;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guessable ids on objects that need a login, and what guessing them yields, with the primary identity alone.
 * Per collection (one object each): the object must be refused to anonymous requests (public catalogues are out
 * of scope). A sequential id's neighbours the caller does not list are read: a different object of the same shape
 * (same keys, same JSON types) is MEDIUM/FIRM when an owner field differs, LOW/TENTATIVE otherwise (it may be
 * shared). When the neighbours are refused, traversal variants ({@code 1007/%2e%2e/1008}, {@code 1007/..%2f1008})
 * that pass an ownership check on the first id and serve the second are HIGH/FIRM. Otherwise the predictable id
 * itself is LOW. GET only. Stateless and thread-safe.
 */
public final class ObjectIdEnumerationCheck implements Check {

    /** Collections examined per scan; each costs up to six probes. */
    private static final int MAX_COLLECTIONS = 4;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("object-id-enumeration", Category.BOLA,
            "Objects reachable by guessing neighbouring ids",
            "Finds sequential and time-based ids on login-protected objects, reads neighbouring ids and "
                    + "traversal variants with the caller's credentials and compares the objects' shapes.",
            Severity.MEDIUM, List.of(639, 22), 6 * MAX_COLLECTIONS, Set.of("bola", "idor", "enumeration"),
            "Check ownership on every read by id, after the path is normalised, and answer 404 for objects the "
                    + "caller may not see; prefer random ids (UUID v4) so ids cannot be guessed, e.g. "
                    + "`WHERE order_id = $1 AND user_id = $caller`.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (!ctx.has(Identity.PRIMARY)) {
            return CheckOutcome.notApplicable("needs credentials (--auth-*): without them every readable object is public");
        }
        List<Finding> findings = new ArrayList<>();
        for (ObjectRef ref : ObjectRefs.readable(ctx.inventory(), 1, MAX_COLLECTIONS)) {
            Optional<IdKind> kind = IdKind.of(ref.id());
            if (kind.isEmpty()) {
                continue;
            }
            Exchange own = ctx.probe(ProbeRequest.get(ref.uri()));
            Optional<JsonNode> object = data(own);
            if (object.isEmpty()) {
                continue;
            }
            Exchange anonymous = ctx.probe(ProbeRequest.get(ref.uri()).as(Identity.ANONYMOUS));
            if (data(anonymous).isPresent()) {
                continue;
            }
            Neighbours n = new Neighbours(ctx, ref, object.get(), own, anonymous);
            findings.add(kind.get() == IdKind.SEQUENTIAL ? n.probe() : n.predictable(kind.get()));
        }
        return CheckOutcome.findings(findings);
    }

    static Optional<JsonNode> data(Exchange e) {
        return SpecResponses.carriesData(e) ? SpecResponses.json(e).filter(JsonNode::isObject) : Optional.empty();
    }

    static Finding.Builder builder(ObjectRef ref) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .parameter(ref.idField())
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags());
    }

    static String evidence(String text) {
        return Snippets.oneLine(text, Snippets.MAX_EVIDENCE);
    }
}
