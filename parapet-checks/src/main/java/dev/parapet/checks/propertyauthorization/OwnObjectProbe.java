package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Escalation;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mass assignment on the caller's own object where no API description documents its update: the own-object paths
 * of {@code targets.json} ({@code /me} and similar) are read as the primary identity until one answers an object
 * with a privileged property, which is written with PATCH (PUT of the whole object when PATCH is not offered) and
 * read back ({@link EscalatingWrite}). Stateless.
 */
final class OwnObjectProbe {

    /** A GET per path until an object answers, then PATCH, read, PUT, read. */
    static int budget(MassAssignmentTargets targets) {
        return targets.ownObjectPaths().size() + 2 * EscalatingWrite.PROBES;
    }

    private OwnObjectProbe() {
    }

    /** The first own object whose escalation the read-back shows, with its URL and method. */
    record Found(URI uri, String method, EscalatingWrite.Attempt attempt) {
    }

    static Optional<Found> run(CheckContext ctx, MassAssignmentTargets targets) throws InterruptedException {
        for (URI uri : candidates(ctx, targets)) {
            if (ctx.remainingBudget() < 1 + 2 * EscalatingWrite.PROBES) {
                break;
            }
            Optional<Optional<Found>> tried = ctx.exclusively(() -> tryOne(ctx, uri, targets));
            if (tried.isPresent()) {
                return tried.get();
            }
        }
        return Optional.empty();
    }

    /** Empty when {@code uri} serves no object with a privileged property; else what escalating it showed. */
    private static Optional<Optional<Found>> tryOne(CheckContext ctx, URI uri, MassAssignmentTargets targets)
            throws InterruptedException {
        Exchange read = ctx.probeFresh(ProbeRequest.get(uri));
        Optional<JsonNode> object = SpecResponses.carriesData(read) ? SpecResponses.json(read)
                .filter(JsonNode::isObject) : Optional.empty();
        Optional<Escalation> escalation = object.flatMap(targets::escalationFor);
        if (escalation.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode original = (ObjectNode) object.get();
        List<Escalation> one = List.of(escalation.get());
        EscalatingWrite.Attempt patch = EscalatingWrite.attempt(ctx, uri, "PATCH", original, one,
                body -> json("PATCH", uri, body));
        int s = patch.write().status();
        if (!patch.shown().isEmpty() || s != 404 && s != 405 && s != 501) {
            return Optional.of(patch.shown().isEmpty() ? Optional.empty() : Optional.of(new Found(uri, "PATCH", patch)));
        }
        EscalatingWrite.Attempt put = EscalatingWrite.attempt(ctx, uri, "PUT", original, one,
                body -> json("PUT", uri, body));
        return Optional.of(put.shown().isEmpty() ? Optional.empty() : Optional.of(new Found(uri, "PUT", put)));
    }

    /** Discovered own-object URLs first, then the wordlist under the target; documented updates are left out. */
    private static Set<URI> candidates(CheckContext ctx, MassAssignmentTargets targets) {
        Set<URI> out = new LinkedHashSet<>();
        URI target = ctx.inventory().target();
        String base = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String dir = base.endsWith("/") ? base : base + "/";
        List<URI> listed = targets.ownObjectPaths().stream().map(p -> target.resolve(dir + p)).toList();
        ctx.inventory().answeredGets().stream().map(e -> e.request().uri()).filter(listed::contains).forEach(out::add);
        out.addAll(listed);
        out.removeIf(u -> ctx.inventory().spec().match("PATCH", u).isPresent()
                || ctx.inventory().spec().match("PUT", u).isPresent());
        return out;
    }

    private static ProbeRequest json(String method, URI uri, JsonNode body) {
        return ProbeRequest.of(method, uri).withBody("application/json", body.toString());
    }
}
