package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;

import java.util.Optional;

/**
 * Sends values through one input point of any operation the way an input check that is not about writing must, so
 * its probes leave nothing behind: a read varies the example request; a POST sends the example body with its
 * unique fields marked ({@link Markers}) and the value set, and deletes what an accepted answer says it created;
 * a PUT or PATCH of a JSON field writes that one field of the caller's own object (read first) and writes the old
 * value back through the undo ledger. Built once per point ({@link #prepare}), then {@link #send} per value, with
 * the context of the step that sends it (a screen's or a confirmation's). Immutable.
 */
public final class WriteAwareProbe {

    /** Probes {@link #prepare} may send: the two reads that find the caller's object for a PUT or PATCH. */
    public static final int PREPARE_PROBES = 2;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind
            .ObjectMapper();

    private final InputPoint point;
    private final OwnObjects.Read object;

    private WriteAwareProbe(InputPoint point, OwnObjects.Read object) {
        this.point = point;
        this.object = object;
    }

    /**
     * The probe for {@code point}; empty, with the reason told to the engine, when a PUT or PATCH field cannot be
     * written back (no object the caller reads, or the field is not in it).
     */
    public static Optional<WriteAwareProbe> prepare(CheckContext ctx, InputPoint point) throws InterruptedException {
        Operation op = point.operation();
        boolean update = op.method().equals("PUT") || op.method().equals("PATCH");
        if (!update || !point.location().inBody()) {
            return Optional.of(new WriteAwareProbe(point, null));
        }
        Optional<OwnObjects.Read> read = point.location() == InputLocation.JSON
                ? ctx.exclusively(() -> OwnObjects.of(ctx, op, Identity.PRIMARY)) : Optional.empty();
        if (read.isEmpty() || WriteBodies.at(read.get().object(), point.locator()).isEmpty()) {
            ctx.untested(Untested.NO_READ_BACK, "the caller's object at " + op.uri().getRawPath() + " does not show "
                    + point.name() + ", so a value written there could not be written back");
            return Optional.empty();
        }
        return Optional.of(new WriteAwareProbe(point, read.get()));
    }

    /** The request as the operation's example sends it, with the point's own value (its recorded answer for a read). */
    public Exchange baseline(CheckContext ctx) throws InterruptedException {
        if (point.operation().readOnlyMethod() && !point.location().inBody()) {
            ProbeRequest base = point.baseline();
            Optional<Exchange> recorded = base.method().equals("GET") && base.headers().fields().isEmpty()
                    ? ctx.inventory().answeredGet(base.uri()) : Optional.empty();
            return recorded.isPresent() ? recorded.get() : ctx.probe(base);
        }
        return send(ctx, point.value());
    }

    /** Sends {@code value} through the point; what the operation wrote is recorded and undone at once. */
    public Exchange send(CheckContext ctx, String value) throws InterruptedException {
        return send(ctx, TextNode.valueOf(value), point.withValue(value));
    }

    /**
     * Sends the JSON value {@code jsonLiteral} ({@code {"$ne": null}}) through a JSON field, its text elsewhere, as
     * {@link #send} does.
     *
     * @throws IllegalArgumentException when {@code jsonLiteral} is not JSON
     */
    public Exchange sendJson(CheckContext ctx, String jsonLiteral) throws InterruptedException {
        JsonNode value;
        try {
            value = point.location() == InputLocation.JSON ? JSON.readTree(jsonLiteral) : TextNode.valueOf(jsonLiteral);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + jsonLiteral, e);
        }
        return send(ctx, value, point.withJsonValue(jsonLiteral));
    }

    private Exchange send(CheckContext ctx, JsonNode value, ProbeRequest read) throws InterruptedException {
        Operation op = point.operation();
        if (object != null) {
            return ctx.exclusively(() -> update(ctx, value));
        }
        if (!op.method().equals("POST") || point.location() != InputLocation.JSON) {
            return ctx.probe(read);
        }
        Markers m = Markers.fresh();
        ObjectNode body = m.marked(WriteBodies.example(op).orElseGet(JSON::createObjectNode),
                ctx.inventory().surface().inputsOf(op));
        WriteBodies.set(body, point.locator(), value);
        Exchange answer = ctx.probe(WriteBodies.request(op, op.uri(), body, Identity.PRIMARY));
        if (CreatedObjects.locate(answer, ctx.inventory()).isPresent()) {
            ctx.undo(CreatedObjects.record(ctx, answer, Identity.PRIMARY, Headers.EMPTY, m.text()).ticket());
        }
        return answer;
    }

    private Exchange update(CheckContext ctx, JsonNode value) throws InterruptedException {
        Operation op = point.operation();
        JsonNode old = WriteBodies.at(object.object(), point.locator()).orElseThrow();
        ObjectNode base = op.method().equals("PATCH") ? object.object().objectNode()
                : WriteFields.noOp(op, object.object()).orElseGet(object.object()::objectNode);
        ProbeRequest write = WriteBodies.request(op, object.uri(), WriteFields.with(base, point.locator(), value),
                Identity.PRIMARY);
        Exchange answer = ctx.probe(write);
        ctx.undo(ctx.recordWrite(new Write.Changed(op.method() + " " + object.uri().getRawPath(), object.uri(),
                point.locator(), old.toString(), value.toString(),
                WriteBodies.request(op, object.uri(), WriteFields.with(base, point.locator(), old), Identity.PRIMARY),
                WriteBodies.read(object.uri(), Identity.PRIMARY))));
        return answer;
    }

    /** {@code url=<value>} for a query parameter, {@code JSON field 'imageUrl' = <value>} elsewhere. */
    public String label(String value) {
        return point.location() == InputLocation.QUERY ? point.name() + "=" + value : point.describe() + " = " + value;
    }

    /** Everything of the probe carrying {@code value} that the target could echo: its URL and body. */
    public String text(String value) {
        ProbeRequest r = point.withValue(value);
        return r.uri() + " " + r.body();
    }
}
