package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ValueShape;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The object a documented update ({@code PUT}/{@code PATCH}) writes, as an identity reads it: the operation's
 * example URL, else the same URL with the primary identity's own id (the {@code id} of a recorded {@code /me}-like
 * answer) in its identifier segment. Stateless and thread-safe.
 */
public final class OwnObjects {

    /** An object read back: its URL, its JSON, and the answer that showed it. */
    public record Read(URI uri, ObjectNode object, Exchange exchange) {
    }

    private OwnObjects() {
    }

    /**
     * The first candidate URL {@code who} reads as a JSON object (2xx), read past the probe cache so earlier writes
     * show. At most two probes.
     */
    public static Optional<Read> of(CheckContext ctx, Operation op, Identity who) throws InterruptedException {
        for (URI u : candidates(ctx.inventory(), op, who)) {
            if (ctx.remainingBudget() <= 0) {
                break;
            }
            Exchange e = ctx.probeFresh(WriteBodies.read(u, who));
            Optional<ObjectNode> o = WriteBodies.answer(e);
            if (o.isPresent()) {
                return Optional.of(new Read(u, o.get(), e));
            }
        }
        return Optional.empty();
    }

    static List<URI> candidates(Inventory inventory, Operation op, Identity who) {
        List<URI> out = new ArrayList<>(List.of(op.uri()));
        if (who != Identity.PRIMARY) {
            return out;
        }
        Optional<String> own = ownId(inventory);
        if (own.isEmpty()) {
            return out;
        }
        for (InputPoint p : inventory.surface().inputsOf(op)) {
            if (p.location() == InputLocation.PATH && p.is(ValueShape.IDENTIFIER) && !p.value().equals(own.get())) {
                out.add(p.withValue(own.get()).uri());
                break;
            }
        }
        return out;
    }

    /** The primary identity's own id: the id field of the first recorded answer at a {@code /me}-like URL. */
    static Optional<String> ownId(Inventory inventory) {
        WriteVocabulary words = WriteVocabulary.DEFAULT.get();
        for (Exchange e : inventory.answeredGets()) {
            String path = e.request().uri().getRawPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            if (!words.ownObjectSegments().contains(WriteVocabulary.normal(last))) {
                continue;
            }
            Optional<ObjectNode> o = WriteBodies.answer(e);
            for (String field : words.ownIdFields()) {
                Optional<JsonNode> v = o.flatMap(n -> field(n, field));
                if (v.isPresent() && (v.get().isIntegralNumber() || v.get().isTextual())) {
                    return Optional.of(v.get().asText());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> field(ObjectNode o, String normalName) {
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (WriteVocabulary.normal(name).equals(normalName)) {
                return Optional.of(o.get(name));
            }
        }
        return Optional.empty();
    }
}
