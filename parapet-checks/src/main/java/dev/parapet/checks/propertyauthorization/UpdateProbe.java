package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Escalation;
import dev.parapet.checks.support.ObjectWrite;
import dev.parapet.checks.support.OwnObjects;
import dev.parapet.checks.support.WriteBodies;
import dev.parapet.checks.support.WriteFields;
import dev.parapet.model.Exchange;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Operation;

import java.util.List;
import java.util.Optional;

/**
 * Mass assignment on a documented update ({@code PATCH /users/{id}}, {@code PUT /me}) of the caller's own object:
 * the object is read, the owner writes back what it holds (the baseline, which must be accepted), then the
 * privileged fields it shows are escalated and read back ({@link EscalatingWrite}). Stateless.
 */
final class UpdateProbe {

    /** Two reads to find the object, the baseline, the escalation and its read-back. */
    static final int PROBES = 3 + EscalatingWrite.PROBES;

    /** The object as it was and what the escalation showed. */
    record Escalated(OwnObjects.Read before, Exchange baseline, EscalatingWrite.Attempt attempt) {
    }

    private UpdateProbe() {
    }

    /** Runs alone ({@link CheckContext#exclusively}): the object is read, escalated, read back and restored. */
    static Optional<Escalated> screen(CheckContext ctx, Operation op, MassAssignmentTargets targets)
            throws InterruptedException {
        return ctx.exclusively(() -> alone(ctx, op, targets));
    }

    private static Optional<Escalated> alone(CheckContext ctx, Operation op, MassAssignmentTargets targets)
            throws InterruptedException {
        Optional<OwnObjects.Read> read = OwnObjects.of(ctx, op, Identity.PRIMARY);
        if (read.isEmpty()) {
            ctx.untested(Untested.NO_READ_BACK, "the primary identity reads no JSON object at "
                    + op.uri().getRawPath());
            return Optional.empty();
        }
        List<Escalation> escalations = targets.escalationsIn(read.get().object());
        if (escalations.isEmpty()) {
            return Optional.empty();
        }
        Optional<ObjectNode> noOp = WriteFields.noOp(op, read.get().object());
        if (noOp.isEmpty() && op.method().equals("PUT")) {
            ctx.untested(Untested.NO_READ_BACK, "no documented field of the PUT body is readable at GET "
                    + read.get().uri().getRawPath() + ", so a PUT could clear the object");
            return Optional.empty();
        }
        ObjectNode base = noOp.orElseGet(read.get().object()::objectNode);
        Exchange baseline = ctx.probe(WriteBodies.request(op, read.get().uri(), base, Identity.PRIMARY));
        if (!baseline.answered() || baseline.status() / 100 != 2) {
            ctx.untested(Untested.BASELINE_REFUSED, op.method() + " " + read.get().uri().getRawPath()
                    + " with the object's own values -> " + ObjectWrite.status(baseline));
            return Optional.empty();
        }
        EscalatingWrite.Attempt attempt = EscalatingWrite.attempt(ctx, read.get().uri(), op.method(), base,
                escalations, body -> WriteBodies.request(op, read.get().uri(), body, Identity.PRIMARY));
        return attempt.shown().isEmpty() ? Optional.empty()
                : Optional.of(new Escalated(read.get(), baseline, attempt));
    }
}
