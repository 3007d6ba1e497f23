package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;
import dev.parapet.spi.WriteTicket;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The objects a write check's POST created: where one lives (the answer's {@code Location}, else the collection's
 * URL with the id the answer names) and the request that deletes it, recorded in the scan's undo ledger.
 * Stateless and thread-safe.
 */
public final class CreatedObjects {

    /** Fields holding a new object's id, at the top level or in one of {@link #WRAPPERS}. */
    private static final List<String> ID_FIELDS = List.of("id", "_id", "uuid", "guid");
    private static final List<String> WRAPPERS = List.of("data", "result", "item", "object", "user", "account");

    private CreatedObjects() {
    }

    /** Where the object an accepted (2xx) create answer made lives; empty when the answer does not say. */
    public static Optional<URI> locate(Exchange answer, Inventory inventory) {
        if (!answer.answered() || answer.status() / 100 != 2) {
            return Optional.empty();
        }
        URI request = answer.request().uri();
        Optional<String> location = answer.responseHeaders().first("Location");
        if (location.isPresent() && !location.get().isBlank()) {
            try {
                URI u = request.resolve(location.get().strip());
                if (u.getRawAuthority() != null && u.getRawAuthority().equals(request.getRawAuthority())) {
                    return Optional.of(u);
                }
            } catch (IllegalArgumentException e) {
                // an unusable Location: look for the id instead
            }
        }
        Optional<String> id = WriteBodies.object(answer.body()).flatMap(CreatedObjects::idIn);
        if (id.isEmpty() || !id.get().matches("[A-Za-z0-9._~-]{1,64}")) {
            return Optional.empty();
        }
        String path = request.getRawPath() == null || request.getRawPath().isEmpty() ? "/" : request.getRawPath();
        URI object = request.resolve((path.endsWith("/") ? path : path + "/") + id.get());
        boolean documented = !inventory.spec().present() || inventory.spec().match("GET", object).isPresent()
                || inventory.spec().match("DELETE", object).isPresent();
        return documented ? Optional.of(object) : Optional.empty();
    }

    private static Optional<String> idIn(ObjectNode o) {
        for (String f : ID_FIELDS) {
            JsonNode v = o.get(f);
            if (v != null && (v.isTextual() || v.isIntegralNumber())) {
                return Optional.of(v.asText());
            }
        }
        for (String w : WRAPPERS) {
            if (o.get(w) instanceof ObjectNode inner) {
                Optional<String> id = idIn(inner);
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The request that deletes {@code object}: a DELETE as {@code who}, with {@code auth} (the new account's own
     * token) when given, sent then as {@link Identity#ANONYMOUS}; empty when the API description documents no
     * DELETE for it (a scan without one tries DELETE all the same).
     */
    public static Optional<ProbeRequest> deletion(URI object, Inventory inventory, Identity who, Headers auth) {
        if (inventory.spec().present() && inventory.spec().match("DELETE", object).isEmpty()) {
            return Optional.empty();
        }
        ProbeRequest delete = ProbeRequest.of("DELETE", object).as(auth.fields().isEmpty() ? who : Identity.ANONYMOUS);
        for (Headers.Field f : auth.fields()) {
            delete = delete.withHeader(f.name(), f.value());
        }
        return Optional.of(delete);
    }

    /** A recorded create: the ledger's ticket and the headers that act as the new account (none for other objects). */
    public record Made(WriteTicket ticket, Headers auth) {
    }

    /**
     * Records what the accepted create {@code answer} made, deletable as {@code who} (or with {@code auth}, the new
     * account's own credentials), and returns its ticket. An answer that names no object is recorded all the same,
     * at the collection's URL and with no way to delete it, so the report lists it; {@code marker} (in its
     * {@code via}) is how to find it by hand.
     */
    public static Made record(CheckContext ctx, Exchange answer, Identity who, Headers auth, String marker) {
        Optional<URI> object = locate(answer, ctx.inventory());
        String via = answer.request().method() + " " + answer.request().uri().getRawPath() + " (" + marker + ")";
        URI at = object.orElse(answer.request().uri());
        return new Made(ctx.recordWrite(new Write.Created(via, at,
                object.flatMap(o -> deletion(o, ctx.inventory(), who, auth)))), auth);
    }
}
