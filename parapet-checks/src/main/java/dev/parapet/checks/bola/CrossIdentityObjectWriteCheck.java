package dev.parapet.checks.bola;

import dev.parapet.checks.support.ObjectWrite;
import dev.parapet.checks.support.OwnObjects;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteBodies;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.model.Untested;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Object-level authorization on writes, with two identities, in active mode only: for each documented PUT or PATCH
 * whose path names an object by id, the first identity's object is read (the example id, else the first identity's
 * own id), the second identity is asked to read it too (an object it reads exactly as its owner does may be its own
 * or public, and is left alone), the owner writes back a harmless field's current value (the baseline, which must
 * be accepted), the second identity writes a Parapet marker into that field (e-mail or name), and the owner reads
 * the object again. Only the marker in the owner's read counts, never a status; the owner's value is written back
 * through the undo ledger at once. Stateless and thread-safe.
 */
public final class CrossIdentityObjectWriteCheck implements InputCheck<CrossIdentityObjectWriteCheck.Signal> {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("cross-identity-object-write", Category.BOLA,
            "Another user's object writable by id",
            "In active mode with two identities, the second identity changes a harmless field (e-mail, name) of "
                    + "the first identity's object through a documented PUT or PATCH; the owner reads the change "
                    + "back, and the old value is written back.",
            Severity.HIGH, List.of(639, 285), 0, Set.of("active", "write", "idor"),
            "Authorize every write on the object it changes, as reads are: load the object, compare its owner "
                    + "(or tenant) with the caller, and answer 403/404 otherwise, in one place every PUT, PATCH and "
                    + "DELETE route goes through (a policy or a query scoped to the caller: "
                    + "`UPDATE users SET ... WHERE id = ? AND id = :caller`).");

    /** What the screen saw: the owner's read, the second identity's read of the same URL, and the write tried. */
    record Signal(OwnObjects.Read owner, Exchange otherRead, ObjectWrite.Proven proven) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        if (ctx.mode() != ScanMode.ACTIVE) {
            return Optional.of("writes to another identity's object: runs only with --mode active against a host "
                    + "named with --i-own");
        }
        return ctx.has(Identity.PRIMARY) && ctx.has(Identity.SECONDARY) ? Optional.empty()
                : Optional.of("needs two identities (--auth-* and --auth2-*)");
    }

    /** The identifier segment of a documented PUT or PATCH with a JSON body. */
    @Override
    public boolean appliesTo(InputPoint p) {
        String m = p.operation().method();
        return p.location() == InputLocation.PATH && p.is(ValueShape.IDENTIFIER)
                && (m.equals("PUT") || m.equals("PATCH")) && !WriteBodies.fields(p.operation()).isEmpty();
    }

    /** Two owner reads at most, the second identity's read, then baseline, write and read-back. */
    @Override
    public int screenCost() {
        return 3 + ObjectWrite.PROBES;
    }

    /** The proof is the screen's read-back, and the screen undid the write already. */
    @Override
    public int confirmCost() {
        return 0;
    }

    /** The whole read, write, read-back and undo runs alone, so no other write test sees the marker. */
    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        return ctx.exclusively(() -> {
            Optional<OwnObjects.Read> owner = OwnObjects.of(ctx, p.operation(), Identity.PRIMARY);
            if (owner.isEmpty()) {
                ctx.untested(Untested.NO_READ_BACK, "the first identity reads no JSON object at "
                        + p.operation().uri().getRawPath());
                return Optional.empty();
            }
            Exchange other = ctx.probe(WriteBodies.read(owner.get().uri(), Identity.SECONDARY));
            if (other.status() / 100 == 2 && other.body().equals(owner.get().exchange().body())) {
                return Optional.empty();
            }
            return ObjectWrite.proven(ctx, ObjectWrite.attempt(ctx, p.operation(), owner.get(), Identity.SECONDARY))
                    .map(proven -> new Signal(owner.get(), other, proven));
        });
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        WriteRecord undone = s.proven().undone();
        ObjectWrite.Result.Tried t = s.proven().tried();
        String path = s.owner().uri().getRawPath();
        String field = WriteBodies.leaf(t.field().pointer());
        String evidence = p.operation().method() + " " + path + " {\"" + field + "\":" + t.field().marker()
                + "} as the second identity -> " + t.write().status() + "; the owner's GET then showed \"" + field
                + "\":" + t.field().marker() + " (was " + t.field().old() + "); the second identity's own GET -> "
                + s.otherRead().status() + "; old value " + undone.outcome().label()
                + (undone.detail().isEmpty() ? "" : " (" + undone.detail() + ")");
        return List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("Second identity changes the first identity's object through " + p.operation().display())
                .endpoint(new Endpoint(p.operation().method(), s.owner().uri(), p.operation().source()))
                .parameter(p.name())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(t.write()).exchange(t.readBack()).exchange(t.baseline())
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator("write " + field)
                .build());
    }
}
