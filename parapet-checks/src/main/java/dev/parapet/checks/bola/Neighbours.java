package dev.parapet.checks.bola;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.bola.ObjectRefs.ObjectRef;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.ProbeRequest;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The neighbour probes of {@link ObjectIdEnumerationCheck} for one sequential id: two neighbouring ids the caller
 * does not list, then two traversal variants towards the first of them. Used by one thread for one collection.
 */
final class Neighbours {

    private final CheckContext ctx;
    private final ObjectRef ref;
    private final JsonNode own;
    private final Exchange ownRead;
    private final Exchange anonymous;

    Neighbours(CheckContext ctx, ObjectRef ref, JsonNode own, Exchange ownRead, Exchange anonymous) {
        this.ctx = ctx;
        this.ref = ref;
        this.own = own;
        this.ownRead = ownRead;
        this.anonymous = anonymous;
    }

    /** The strongest finding the neighbours give; the predictable id alone when they give nothing. */
    Finding probe() throws InterruptedException {
        List<String> neighbours = neighbourIds();
        for (String id : neighbours) {
            Exchange e = ctx.probe(ProbeRequest.get(ObjectRefs.child(ref.collection(), id)));
            Optional<JsonNode> other = ObjectIdEnumerationCheck.data(e).filter(this::sameShapeOtherObject);
            if (other.isPresent()) {
                return adjacent(e, other.get());
            }
        }
        if (!neighbours.isEmpty()) {
            String target = neighbours.getFirst();
            String base = ref.collection().getRawPath() + "/" + ref.id();
            for (String variant : List.of(base + "/%2e%2e/" + target, base + "/..%2f" + target)) {
                Exchange e = ctx.probe(ProbeRequest.get(ref.collection().resolve(variant)));
                if (ObjectIdEnumerationCheck.data(e).filter(this::sameShapeOtherObject).isPresent()) {
                    return traversal(e, target);
                }
            }
        }
        return predictable(IdKind.SEQUENTIAL);
    }

    Finding predictable(IdKind kind) {
        String what = kind == IdKind.SEQUENTIAL ? "sequential numbers" : "time-based UUIDs (version 1)";
        return ObjectIdEnumerationCheck.builder(ref).severity(Severity.LOW).confidence(Confidence.TENTATIVE)
                .title("Login-protected objects at " + template() + " use " + what + " as ids")
                .evidence(ObjectIdEnumerationCheck.evidence("GET " + ref.uri().getRawPath() + " -> " + ownRead.status()
                        + " with credentials, " + anonymous.status() + " without; id " + ref.idField() + "="
                        + ref.id() + " is " + what + ", so other objects' ids can be guessed; neighbouring ids "
                        + "were not served"))
                .exchange(ownRead).exchange(anonymous).discriminator("predictable").build();
    }

    private Finding adjacent(Exchange e, JsonNode other) {
        Optional<String> owner = differingOwner(other);
        return ObjectIdEnumerationCheck.builder(ref)
                .severity(owner.isPresent() ? Severity.MEDIUM : Severity.LOW)
                .confidence(owner.isPresent() ? Confidence.FIRM : Confidence.TENTATIVE)
                .title("Neighbouring ids at " + template() + " serve objects the caller does not list")
                .evidence(ObjectIdEnumerationCheck.evidence("own " + ref.uri().getRawPath() + " and guessed "
                        + e.request().uri().getRawPath() + " both 200 with the same keys"
                        + owner.map(k -> "; " + k + " differs: " + own.get(k) + " vs " + other.get(k)).orElse("")
                        + "; anonymous -> " + anonymous.status() + "; " + Snippets.oneLine(e.body(), 100)))
                .exchange(e).exchange(ownRead).exchange(anonymous).discriminator("adjacent").build();
    }

    private Finding traversal(Exchange e, String target) {
        return ObjectIdEnumerationCheck.builder(ref).severity(Severity.HIGH).confidence(Confidence.FIRM)
                .title("Path traversal in the id at " + template() + " reads objects a direct read refuses")
                .evidence(ObjectIdEnumerationCheck.evidence("GET " + ref.collection().getRawPath() + "/" + target
                        + " is refused, GET " + e.request().uri().getRawPath() + " -> " + e.status() + " "
                        + Snippets.oneLine(e.body(), 100)))
                .exchange(e).exchange(ownRead).discriminator("traversal").build();
    }

    /** id-1, id+1, id-2, id+2 minus the ids the caller's own listing holds; at most two. */
    private List<String> neighbourIds() {
        long id = Long.parseLong(ref.id());
        Set<String> listed = listedIds();
        List<String> out = new ArrayList<>();
        for (long delta : new long[] {1, -1, 2, -2}) {
            String candidate = String.valueOf(id + delta);
            if (id + delta > 0 && !listed.contains(candidate) && out.size() < 2) {
                out.add(candidate);
            }
        }
        return out;
    }

    private Set<String> listedIds() {
        Set<String> ids = new HashSet<>();
        ctx.inventory().answeredGets().stream().filter(e -> e.request().uri().equals(ref.collection()))
                .forEach(e -> ObjectIdEnumerationCheck.data(e).flatMap(ObjectRefs::listIn)
                        .ifPresent(list -> list.forEach(o -> ids.add(o.path(ref.idField()).asText()))));
        return ids;
    }

    /** Same key set and JSON types, another id. */
    private boolean sameShapeOtherObject(JsonNode other) {
        if (other.path(ref.idField()).asText().equals(ref.id()) || other.size() != own.size()) {
            return false;
        }
        for (Iterator<String> it = own.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!other.has(k) || other.get(k).getNodeType() != own.get(k).getNodeType()) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> differingOwner(JsonNode other) {
        for (Iterator<String> it = own.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (ObjectRefs.OWNER.matcher(k).matches() && !own.get(k).equals(other.get(k))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private String template() {
        return ref.collection().getRawPath() + "/{" + ref.idField() + "}";
    }

}
