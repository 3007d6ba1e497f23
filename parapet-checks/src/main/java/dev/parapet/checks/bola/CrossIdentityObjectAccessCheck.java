package dev.parapet.checks.bola;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.bola.ObjectRefs.ObjectRef;
import dev.parapet.checks.support.CurlLines;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Broken object-level authorization proven with two identities: an object identity A (primary) can read, named by
 * A's own list answers, is requested as identity B (secondary). It is reported CONFIRMED when B is served A's object
 * (the same body, or the same id with the same owner fields), an anonymous request is refused it (so it is not a
 * public object) and B's own listing of that collection does not hold it (so it is not shared with B). Collections
 * A and B list identically are skipped: the two identities may be one user. GET only. Stateless and thread-safe.
 */
public final class CrossIdentityObjectAccessCheck implements Check {

    /** Objects tried per scan, at most two per collection; each costs up to three probes, plus one listing. */
    private static final int MAX_OBJECTS = 10;

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("cross-identity-object-access", Category.BOLA,
            "Another user's objects readable with one's own credentials",
            "Reads objects the primary identity lists with the secondary identity's credentials and reports those "
                    + "served to it, while anonymous requests are refused.",
            Severity.HIGH, List.of(639, 284), 4 * MAX_OBJECTS, Set.of("bola", "idor", "two-identities"),
            "Authorise every object read against the caller, not only the login: load the object with the caller "
                    + "in the query (e.g. `SELECT … FROM orders WHERE order_id = $1 AND user_id = $caller`) and "
                    + "answer 404 when nothing matches.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (!ctx.has(Identity.PRIMARY) || !ctx.has(Identity.SECONDARY)) {
            return CheckOutcome.notApplicable("needs two identities: give credentials with --auth-* and --auth2-*");
        }
        List<ObjectRef> objects = ObjectRefs.readable(ctx.inventory(), 2, MAX_OBJECTS);
        if (objects.isEmpty()) {
            return CheckOutcome.notApplicable("no object the primary identity can read was found in its answers");
        }
        Map<URI, Exchange> listings = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> reported = new java.util.HashSet<>();
        for (ObjectRef ref : objects) {
            if (reported.contains(template(ref))) {
                continue;
            }
            Exchange ownerRead = ctx.probe(ProbeRequest.get(ref.uri()));
            Optional<JsonNode> owned = dataOf(ownerRead);
            if (owned.isEmpty()) {
                continue;
            }
            Exchange other = ctx.probe(ProbeRequest.get(ref.uri()).as(Identity.SECONDARY));
            if (dataOf(other).filter(b -> ObjectRefs.sameObject(owned.get(), b, ref.idField())).isEmpty()) {
                continue;
            }
            Exchange otherList = listings.get(ref.collection());
            if (otherList == null) {
                otherList = ctx.probe(ProbeRequest.get(ref.collection()).as(Identity.SECONDARY));
                listings.put(ref.collection(), otherList);
            }
            if (sharedWithSecondary(ctx, ref, otherList)) {
                continue;
            }
            Exchange anonymous = ctx.probe(ProbeRequest.get(ref.uri()).as(Identity.ANONYMOUS));
            if (dataOf(anonymous).filter(n -> ObjectRefs.sameObject(owned.get(), n, ref.idField())).isPresent()) {
                continue; // public object: the authentication checks judge those
            }
            if (reported.add(template(ref))) {
                findings.add(finding(ref, other, ownerRead, anonymous, otherList));
            }
        }
        return CheckOutcome.findings(findings);
    }

    /**
     * Whether B may legitimately see the object: B's listing holds its id, or B's listing equals A's (then the two
     * identities cannot be told apart).
     */
    private static boolean sharedWithSecondary(CheckContext ctx, ObjectRef ref, Exchange otherList) {
        Optional<JsonNode> list = dataOf(otherList).flatMap(ObjectRefs::listIn);
        if (list.isPresent()) {
            for (JsonNode element : list.get()) {
                if (element.path(ref.idField()).asText().equals(ref.id())) {
                    return true;
                }
            }
        }
        return ctx.inventory().answeredGets().stream().filter(e -> e.request().uri().equals(ref.collection()))
                .anyMatch(e -> e.body().equals(otherList.body()) && otherList.status() / 100 == 2);
    }

    private static Optional<JsonNode> dataOf(Exchange e) {
        return SpecResponses.carriesData(e) ? SpecResponses.json(e) : Optional.empty();
    }

    /** {@code /orders/{id}}: one finding per collection, however many of its objects leaked. */
    private static String template(ObjectRef ref) {
        return ref.collection().getRawPath() + "/{" + ref.idField() + "}";
    }

    private static Finding finding(ObjectRef ref, Exchange other, Exchange owner, Exchange anonymous,
                                   Exchange otherList) {
        String evidence = "identity B (secondary) GET " + ref.uri().getRawPath() + " -> " + other.status() + " "
                + Snippets.oneLine(other.body(), 60) + "; A (primary) lists it in " + ref.collection().getRawPath()
                + ", B does not; anonymous -> " + anonymous.status() + "; the curl below is B's, A's is "
                + CurlLines.withPlaceholder(owner, anonymous, "$TOKEN_A");
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("Identity B reads identity A's object at GET " + template(ref))
                .parameter(ref.idField())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(other).exchange(owner).exchange(anonymous).exchange(otherList)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(template(ref))
                .build();
    }
}
