package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Exchange;
import dev.parapet.model.Untested;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;
import dev.parapet.spi.WriteTicket;

import java.util.Optional;

/**
 * One write by someone other than the owner to an object the owner (the primary identity) can read, judged by what
 * the owner reads back, never by the status: the owner first writes back the value the object already holds (the
 * baseline, which must be accepted), then {@code writer} writes a Parapet marker into one harmless field, the write
 * is recorded in the undo ledger at once, and the owner reads the object again. Only the marker in that read counts.
 * Callers run it, and the undo, inside {@link CheckContext#exclusively}. Stateless and thread-safe.
 */
public final class ObjectWrite {

    /** Probes {@link #attempt} sends at most: baseline, write, read-back. */
    public static final int PROBES = 3;

    /** How the attempt ended: a write was tried, or the object cannot be tested, and why. */
    public sealed interface Result {
        record Untestable(Untested reason, String detail) implements Result {
        }

        /**
         * @param field    the field written, its old value and the marker
         * @param baseline the owner's no-op write, accepted
         * @param write    the other caller's write
         * @param readBack the owner's read afterwards
         * @param ticket   the ledger's entry for the write
         * @param changed  whether the read-back shows the marker
         */
        record Tried(WriteFields.Harmless field, Exchange baseline, Exchange write, Exchange readBack,
                     WriteTicket ticket, boolean changed) implements Result {
        }
    }

    private ObjectWrite() {
    }

    /** Writes a marker into {@code object} as {@code writer}; the caller undoes {@link Result.Tried#ticket}. */
    public static Result attempt(CheckContext ctx, Operation op, OwnObjects.Read object, Identity writer)
            throws InterruptedException {
        Optional<WriteFields.Harmless> harmless = WriteFields.harmless(op, object.object(), Markers.fresh());
        if (harmless.isEmpty()) {
            return new Result.Untestable(Untested.NO_READ_BACK, "no documented field of the body that names the "
                    + "object (e-mail, name…) is readable at GET " + object.uri().getRawPath());
        }
        WriteFields.Harmless f = harmless.get();
        ObjectNode noOp = WriteFields.noOp(op, object.object()).orElseGet(object.object()::objectNode);
        Exchange baseline = ctx.probe(request(op, object, noOp, f.pointer(), f.old(), Identity.PRIMARY));
        if (!baseline.answered() || baseline.status() / 100 != 2) {
            return new Result.Untestable(Untested.BASELINE_REFUSED, op.method() + " " + object.uri().getRawPath()
                    + " writing the object's own " + WriteBodies.leaf(f.pointer()) + " back -> " + status(baseline));
        }
        ProbeRequest restore = request(op, object, noOp, f.pointer(), f.old(), Identity.PRIMARY);
        Exchange write = ctx.probe(request(op, object, noOp, f.pointer(), f.marker(), writer));
        WriteTicket ticket = ctx.recordWrite(new Write.Changed(op.method() + " " + object.uri().getRawPath(),
                object.uri(), f.pointer(), f.old().toString(), f.marker().toString(), restore,
                WriteBodies.read(object.uri(), Identity.PRIMARY)));
        Exchange readBack = ctx.probeFresh(WriteBodies.read(object.uri(), Identity.PRIMARY));
        boolean changed = WriteBodies.answer(readBack).flatMap(o -> WriteBodies.at(o, f.pointer()))
                .map(v -> v.equals(f.marker())).orElse(false);
        return new Result.Tried(f, baseline, write, readBack, ticket, changed);
    }

    /** A write the owner's read showed, and what became of it when it was undone right after. */
    public record Proven(Result.Tried tried, WriteRecord undone) {
    }

    /**
     * Undoes the attempt's write at once (call it inside the same {@link CheckContext#exclusively} section, so no
     * other check sees the marker) and returns it when the owner's read showed the change; otherwise tells the
     * engine why the object could not be tested, and is empty.
     */
    public static Optional<Proven> proven(CheckContext ctx, Result result) throws InterruptedException {
        if (result instanceof Result.Untestable(Untested reason, String detail)) {
            ctx.untested(reason, detail);
            return Optional.empty();
        }
        Result.Tried t = (Result.Tried) result;
        WriteRecord undone = ctx.undo(t.ticket());
        return t.changed() ? Optional.of(new Proven(t, undone)) : Optional.empty();
    }

    /** PATCH carries the one field; PUT the whole no-op body with that field set, so nothing else is cleared. */
    private static ProbeRequest request(Operation op, OwnObjects.Read object, ObjectNode noOp, String pointer,
                                        JsonNode value, Identity who) {
        ObjectNode body = op.method().equals("PATCH") ? WriteFields.with(noOp.objectNode(), pointer, value)
                : WriteFields.with(noOp, pointer, value);
        return WriteBodies.request(op, object.uri(), body, who);
    }

    /** {@code 403}, or what became of an unanswered probe. */
    public static String status(Exchange e) {
        return e.answered() ? e.status() + (e.body().isBlank() ? "" : " " + Snippets.oneLine(e.body(), 80))
                : e.outcome().name().toLowerCase(java.util.Locale.ROOT);
    }
}
