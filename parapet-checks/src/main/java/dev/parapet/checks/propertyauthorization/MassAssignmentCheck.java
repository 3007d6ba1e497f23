package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Escalation;
import dev.parapet.checks.propertyauthorization.MassAssignmentTargets.Property;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteBodies;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.WriteTicket;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mass assignment, in active mode only (which the configuration allows only against a host the user declared as
 * theirs with {@code --i-own}), proven by reading back what the server stored: at creation, privileged properties
 * ({@code role}, {@code isAdmin}, {@code permissions}… of {@code targets.json}, and readOnly fields of the schema)
 * added to a documented create's body ({@link CreationProbe}, only with {@code --allow-delete}, since every object
 * it creates is deleted again); at update, the privileged fields of the caller's own object escalated through its
 * documented PUT or PATCH ({@link UpdateProbe}); and where no description documents one, the own-object paths of
 * {@code targets.json} ({@link OwnObjectProbe}). Every change is recorded in the undo ledger and undone. One input
 * point per documented write operation (its body's first field). Stateless and thread-safe.
 */
public final class MassAssignmentCheck implements InputCheck<MassAssignmentCheck.Signal> {

    private static final Supplier<MassAssignmentTargets> TARGETS = CheckData.once(() -> MassAssignmentTargets.load());

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("mass-assignment", Category.PROPERTY_AUTHORIZATION,
            "Privileged property writable by its own user (mass assignment)",
            "In active mode, adds privileged properties (role, isAdmin, permissions…) to documented creates and "
                    + "updates of the caller's own objects, reads the stored object back, and deletes or restores "
                    + "what it wrote.",
            Severity.HIGH, List.of(915, 269), OwnObjectProbe.budget(TARGETS.get()), Set.of("mass-assignment",
            "active", "privilege-escalation"),
            "Bind request bodies to an input model that lists the writable fields (e.g. "
                    + "`const { name, phone } = body` or a DTO without `role`), and change roles only through an "
                    + "admin-only operation.");

    /** What a screen showed: an escalated create, or an escalated update of an existing object. */
    sealed interface Signal {
        record OnCreate(CreationProbe.Created created) implements Signal {
        }

        record OnUpdate(UpdateProbe.Escalated escalated) implements Signal {
        }
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        return ctx.mode() == ScanMode.ACTIVE ? Optional.empty() : Optional.of("writes to the caller's own objects: "
                + "runs only with --mode active against a host named with --i-own");
    }

    @Override
    public boolean appliesTo(InputPoint p) {
        return WriteBodies.representative(p);
    }

    @Override
    public int screenCost() {
        return Math.max(CreationProbe.PROBES, UpdateProbe.PROBES);
    }

    /** A create's object read back; an update's proof is its screen's read. */
    @Override
    public int confirmCost() {
        return 1;
    }

    /** The own-object paths no API description documents an update for. */
    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        Optional<OwnObjectProbe.Found> found = OwnObjectProbe.run(ctx, TARGETS.get());
        if (found.isEmpty()) {
            return CheckOutcome.none();
        }
        OwnObjectProbe.Found f = found.get();
        return CheckOutcome.findings(updateFindings(ctx, f.uri(), f.method(), new Endpoint(f.method(), f.uri(),
                Endpoint.Source.DISCOVERED), f.attempt()));
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        if (p.operation().method().equals("POST")) {
            return CreationProbe.screen(ctx, p, TARGETS.get()).map(Signal.OnCreate::new);
        }
        return UpdateProbe.screen(ctx, p.operation(), TARGETS.get()).map(Signal.OnUpdate::new);
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal signal) throws InterruptedException {
        return switch (signal) {
            case Signal.OnCreate(CreationProbe.Created c) -> List.of(createFinding(ctx, p, c));
            case Signal.OnUpdate(UpdateProbe.Escalated e) -> updateFindings(ctx, e.before().uri(),
                    p.operation().method(), endpoint(p, e.before().uri()), e.attempt());
        };
    }

    private static Finding createFinding(CheckContext ctx, InputPoint p, CreationProbe.Created c)
            throws InterruptedException {
        WriteTicket ticket = c.made().ticket();
        URI object = ticket.write().object();
        Exchange read = null;
        WriteRecord undone;
        try {
            boolean own = !c.made().auth().fields().isEmpty();
            ProbeRequest get = ProbeRequest.get(object).as(own ? Identity.ANONYMOUS : Identity.PRIMARY);
            for (var h : c.made().auth().fields()) {
                get = get.withHeader(h.name(), h.value());
            }
            read = ctx.probeFresh(get);
        } finally {
            undone = ctx.undo(ticket);
        }
        List<String> fields = new ArrayList<>();
        boolean stored = true;
        for (var e : c.escalated().entrySet()) {
            Property prop = e.getValue();
            fields.add(WriteBodies.leaf(e.getKey()));
            stored &= WriteBodies.answer(read).flatMap(o -> CreationProbe.valueAt(o, e.getKey()))
                    .map(prop::escalatedIn).orElse(false);
        }
        String list = String.join(", ", fields);
        String evidence = p.operation().display() + " with " + list + " set -> " + c.answer().status()
                + " showing them escalated (the baseline create -> " + c.baseline().status() + " did not); "
                + (stored ? "GET " + object.getRawPath() + " read them back" : "no read of the object showed them ("
                + (read.answered() ? read.status() : read.outcome().name().toLowerCase(java.util.Locale.ROOT)) + ")")
                + "; the object " + undone.outcome().label() + (undone.detail().isEmpty() ? "" : " (" + undone.detail()
                + ")");
        return base(p, endpoint(p, p.operation().uri()), stored ? Confidence.CONFIRMED : Confidence.FIRM)
                .title(p.operation().display() + " sets privileged propert" + (fields.size() == 1 ? "y " : "ies ")
                        + list + " from the request body")
                .parameter(fields.getFirst()).discriminator("create " + list)
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(c.answer()).exchange(stored ? read : c.baseline()).exchange(c.baseline())
                .build();
    }

    private static List<Finding> updateFindings(CheckContext ctx, URI uri, String method, Endpoint endpoint,
                                                EscalatingWrite.Attempt a) throws InterruptedException {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < a.shown().size(); i++) {
            Escalation e = a.shown().get(i);
            WriteRecord undone = a.undone().get(i);
            String evidence = method + " " + uri.getRawPath() + " {\"" + e.field() + "\":" + e.escalated() + "} -> "
                    + a.write().status() + "; GET read back \"" + e.field() + "\":" + e.escalated() + " (was "
                    + e.original() + "); " + (undone.outcome() == WriteRecord.Outcome.UNDONE
                    ? "original written back and read again" : "original value " + undone.outcome().label() + " ("
                    + undone.detail() + "): check the object by hand");
            out.add(base(null, endpoint, Confidence.CONFIRMED)
                    .title("Own object at " + uri.getRawPath() + " accepts privileged property " + e.field())
                    .parameter(e.field()).discriminator(method + " " + e.pointer())
                    .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                    .exchange(a.write()).exchange(a.readBack())
                    .build());
        }
        return out;
    }

    private static Endpoint endpoint(InputPoint p, URI uri) {
        return new Endpoint(p.operation().method(), uri, p.operation().source());
    }

    private static Finding.Builder base(InputPoint p, Endpoint endpoint, Confidence confidence) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH).confidence(confidence).endpoint(endpoint)
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags());
    }
}
