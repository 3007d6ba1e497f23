package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Escalation;
import dev.parapet.checks.support.WriteBodies;
import dev.parapet.model.Exchange;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;
import dev.parapet.spi.WriteTicket;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One escalating write to an object that exists, as its owner: the privileged fields set to their escalated values
 * (PATCH: those fields alone; PUT: the object's own body with them set, so nothing else is cleared), each recorded
 * in the undo ledger as soon as the write is sent, then a fresh read of the object, then every field undone at once.
 * Callers run it inside {@link CheckContext#exclusively}. Stateless.
 */
final class EscalatingWrite {

    /** Probes one attempt sends: the write and the read-back. */
    static final int PROBES = 2;

    /**
     * What an attempt showed.
     *
     * @param write    the escalating request's exchange
     * @param readBack the owner's read afterwards
     * @param shown    the escalations the read shows
     * @param undone   what became of each shown escalation when it was undone
     */
    record Attempt(Exchange write, Exchange readBack, List<Escalation> shown, List<WriteRecord> undone) {
    }

    private EscalatingWrite() {
    }

    /** Escalates {@code escalations} of the object at {@code uri}; {@code requestFor} turns a body into the write. */
    static Attempt attempt(CheckContext ctx, URI uri, String method, ObjectNode base, List<Escalation> escalations,
                           Function<ObjectNode, ProbeRequest> requestFor) throws InterruptedException {
        ObjectNode body = method.equals("PATCH") ? base.objectNode() : base.deepCopy();
        for (Escalation e : escalations) {
            WriteBodies.set(body, e.pointer(), e.escalated());
        }
        Exchange write = ctx.probe(requestFor.apply(body));
        List<WriteTicket> tickets = new ArrayList<>();
        for (Escalation e : escalations) {
            ObjectNode restore = method.equals("PATCH") ? base.objectNode() : base.deepCopy();
            WriteBodies.set(restore, e.pointer(), e.original());
            tickets.add(ctx.recordWrite(new Write.Changed(method + " " + uri.getRawPath(), uri, e.pointer(),
                    e.original().toString(), e.escalated().toString(), requestFor.apply(restore),
                    WriteBodies.read(uri, Identity.PRIMARY))));
        }
        Exchange readBack = ctx.probeFresh(WriteBodies.read(uri, Identity.PRIMARY));
        List<Escalation> shown = new ArrayList<>();
        List<WriteRecord> undone = new ArrayList<>();
        for (int i = 0; i < escalations.size(); i++) {
            Escalation e = escalations.get(i);
            boolean escalated = WriteBodies.answer(readBack).flatMap(o -> WriteBodies.at(o, e.pointer()))
                    .map(v -> v.equals(e.escalated()) || v.isTextual() && v.asText().equalsIgnoreCase(
                            e.escalated().asText())).orElse(false);
            WriteRecord record = ctx.undo(tickets.get(i));
            if (escalated) {
                shown.add(e);
                undone.add(record);
            }
        }
        return new Attempt(write, readBack, shown, undone);
    }
}
