package dev.parapet.checks.bfla;

import dev.parapet.checks.support.CreatedObjects;
import dev.parapet.checks.support.Markers;
import dev.parapet.checks.support.ObjectWrite;
import dev.parapet.checks.support.OwnObjects;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteBodies;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.model.Untested;
import dev.parapet.model.WriteRecord;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.Identity;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.WriteTicket;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the API description says need credentials, accepted without any, in active mode only. Judged by a change
 * read back as the user, never by the status ({@code 200 {"error":"missing token"}} is a refusal like any other):
 * for a PUT or PATCH, the user's object gets a Parapet marker in a harmless field from an anonymous write
 * ({@link ObjectWrite}) and the user's read must show it; for a POST, the user's own create (the baseline) must be
 * accepted and readable, and an anonymous create with fresh markers must then be readable by the user too (only
 * with {@code --allow-delete}, since both objects are deleted again). Everything written is undone through the
 * undo ledger. Stateless and thread-safe.
 */
public final class WriteWithoutCredentialsCheck implements InputCheck<WriteWithoutCredentialsCheck.Signal> {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("write-without-credentials", Category.BFLA,
            "Write accepted without credentials",
            "In active mode, sends documented POST, PUT and PATCH operations that require credentials without "
                    + "any, and reports those whose change the user then reads back; undoes every write.",
            Severity.CRITICAL, List.of(862, 306), 0, Set.of("active", "write", "missing-authentication"),
            "Require authentication on every state-changing route, in one place every route goes through (a "
                    + "global middleware or filter that denies by default, with an explicit allow-list of public "
                    + "routes such as login and sign-up), and answer 401 with WWW-Authenticate rather than a 200 "
                    + "carrying an error.");

    /** What the screen saw: the anonymous write, the user's read that showed it, and its ledger entry. */
    record Signal(String field, String what, URI object, Exchange write, Exchange readBack, Exchange baseline,
                  WriteRecord undone) {
    }

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> notApplicable(CheckContext ctx) {
        if (ctx.mode() != ScanMode.ACTIVE) {
            return Optional.of("sends documented writes without credentials: runs only with --mode active against "
                    + "a host named with --i-own");
        }
        return ctx.has(Identity.PRIMARY) ? Optional.empty()
                : Optional.of("needs the user's credentials (--auth-*) to read back what an anonymous write changed");
    }

    /** One point per documented write whose description requires credentials. */
    @Override
    public boolean appliesTo(InputPoint p) {
        return WriteBodies.representative(p)
                && p.operation().documented().map(ApiOperation::securityRequired).orElse(false);
    }

    /** PUT/PATCH: two reads, baseline, write, read-back. POST: baseline, its read, the anonymous create, its read. */
    @Override
    public int screenCost() {
        return 2 + ObjectWrite.PROBES;
    }

    @Override
    public int confirmCost() {
        return 0;
    }

    @Override
    public Optional<Signal> screen(CheckContext ctx, InputPoint p) throws InterruptedException {
        Operation op = p.operation();
        if (op.method().equals("POST")) {
            return create(ctx, op);
        }
        return ctx.exclusively(() -> {
            Optional<OwnObjects.Read> object = OwnObjects.of(ctx, op, Identity.PRIMARY);
            if (object.isEmpty()) {
                ctx.untested(Untested.NO_READ_BACK, "the user reads no JSON object at " + op.uri().getRawPath());
                return Optional.empty();
            }
            return ObjectWrite.proven(ctx, ObjectWrite.attempt(ctx, op, object.get(), Identity.ANONYMOUS)).map(pr -> {
                ObjectWrite.Result.Tried t = pr.tried();
                String field = WriteBodies.leaf(t.field().pointer());
                return new Signal(field, field + " set to " + t.field().marker() + " (was " + t.field().old() + ")",
                        object.get().uri(), t.write(), t.readBack(), t.baseline(), pr.undone());
            });
        });
    }

    /** The user's create must be accepted and readable; then the same create, anonymous, must be readable too. */
    private static Optional<Signal> create(CheckContext ctx, Operation op) throws InterruptedException {
        if (!ctx.mayDelete()) {
            ctx.untested(Untested.MODE, "creating objects on purpose needs --allow-delete, so they can be deleted");
            return Optional.empty();
        }
        var inputs = ctx.inventory().surface().inputsOf(op);
        var example = WriteBodies.example(op).orElseThrow();
        Markers own = Markers.fresh();
        Exchange baseline = ctx.probe(WriteBodies.request(op, op.uri(), own.marked(example, inputs), Identity.PRIMARY));
        if (!baseline.answered() || baseline.status() / 100 != 2) {
            ctx.untested(Untested.BASELINE_REFUSED, op.display() + " as the user -> " + ObjectWrite.status(baseline));
            return Optional.empty();
        }
        CreatedObjects.Made mine = CreatedObjects.record(ctx, baseline, Identity.PRIMARY, Headers.EMPTY, own.text());
        try {
            URI url = mine.ticket().write().object();
            Exchange readable = ctx.probeFresh(WriteBodies.read(url, Identity.PRIMARY));
            if (CreatedObjects.locate(baseline, ctx.inventory()).isEmpty() || readable.status() / 100 != 2) {
                ctx.untested(Untested.NO_READ_BACK, "the user's own create names no object it can read back");
                return Optional.empty();
            }
            Markers anon = Markers.fresh();
            Exchange write = ctx.probe(WriteBodies.request(op, op.uri(), anon.marked(example, inputs),
                    Identity.ANONYMOUS));
            Optional<URI> made = CreatedObjects.locate(write, ctx.inventory()).filter(u -> !u.equals(url));
            if (made.isEmpty()) {
                return Optional.empty();
            }
            WriteTicket ticket = CreatedObjects.record(ctx, write, Identity.PRIMARY, Headers.EMPTY, anon.text())
                    .ticket();
            Exchange readBack = ctx.probeFresh(WriteBodies.read(made.get(), Identity.PRIMARY));
            boolean marked = readable.body().contains(own.nonce()) ? readBack.body().contains(anon.nonce())
                    : readBack.status() / 100 == 2;
            WriteRecord undone = ctx.undo(ticket);
            if (readBack.status() / 100 != 2 || !marked) {
                return Optional.empty();
            }
            return Optional.of(new Signal("", "created " + made.get().getRawPath(), made.get(), write, readBack,
                    baseline, undone));
        } finally {
            ctx.undo(mine.ticket());
        }
    }

    @Override
    public List<Finding> confirm(CheckContext ctx, InputPoint p, Signal s) throws InterruptedException {
        WriteRecord undone = s.undone();
        URI at = p.operation().method().equals("POST") ? p.operation().uri() : s.object();
        String evidence = p.operation().method() + " " + at.getRawPath() + " without credentials -> "
                + s.write().status() + " and the user's GET then showed it: " + s.what() + "; the API description "
                + "requires credentials; the change " + undone.outcome().label()
                + (undone.detail().isEmpty() ? "" : " (" + undone.detail() + ")");
        return List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.CRITICAL).confidence(Confidence.CONFIRMED)
                .title(p.operation().display() + " accepts writes without credentials")
                .endpoint(new Endpoint(p.operation().method(), at, p.operation().source()))
                .parameter(s.field())
                .evidence(Snippets.oneLine(evidence, Snippets.MAX_EVIDENCE))
                .exchange(s.write()).exchange(s.readBack()).exchange(s.baseline())
                .remediation(DESCRIPTOR.remediation()).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator("anonymous " + p.operation().method())
                .build());
    }
}
