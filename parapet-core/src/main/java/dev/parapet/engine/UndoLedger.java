package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;
import dev.parapet.model.WriteRecord;
import dev.parapet.model.WriteRecord.Outcome;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;
import dev.parapet.spi.WriteTicket;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything a scan changed on the target and what became of it. Checks record each write as they make it; each
 * is undone exactly once, either when its check asks ({@link #undo}) or in the end-of-scan pass
 * ({@link #undoRemaining}, which itself runs once): a created object is deleted (a DELETE only when the scan may
 * delete), a changed field is written back, and a read afterwards decides between undone, unconfirmed and left
 * behind. A changed field whose first read already shows the old value needed no undo. Undo requests go through
 * the {@link Sender} (the executor, outside check budgets and the probe cache, even while the scan is stopping).
 * Thread-safe.
 */
final class UndoLedger {

    /** Sends one undo request or read. */
    interface Sender {
        Exchange send(ProbeRequest probe) throws InterruptedException;
    }

    /** Entries a scan keeps; writes past it are still listed, as left behind, but never sent an undo. */
    static final int MAX_ENTRIES = 1024;
    /** How long the end-of-scan pass may take at most, whatever the target does. */
    static final Duration MAX_PASS = Duration.ofSeconds(60);
    /** Consecutive unanswered undo requests after which the target is taken to be gone. */
    private static final int MAX_UNANSWERED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(long id, String checkId, Write write, AtomicBoolean claimed,
                         AtomicReference<WriteRecord> state) {
    }

    private final boolean mayDelete;
    private final Sender sender;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Set<URI> created = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    /** Held by the one write test at a time that changes an existing object (see CheckContext#exclusively). */
    private final java.util.concurrent.locks.ReentrantLock exclusive = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();

    UndoLedger(boolean mayDelete, Sender sender) {
        this.mayDelete = mayDelete;
        this.sender = sender;
    }

    boolean mayDelete() {
        return mayDelete;
    }

    /** Runs {@code action} holding the scan's write-test lock. */
    <T> T exclusively(dev.parapet.spi.CheckContext.Exclusive<T> action) throws InterruptedException {
        exclusive.lockInterruptibly();
        try {
            return action.run();
        } finally {
            exclusive.unlock();
        }
    }

    WriteTicket record(String checkId, Write write) {
        long id = ids.incrementAndGet();
        WriteRecord pending = initial(checkId, write);
        Entry e = new Entry(id, checkId, write, new AtomicBoolean(), new AtomicReference<>(pending));
        if (entries.size() >= MAX_ENTRIES) {
            e.claimed().set(true);
            e.state().set(pending.with(Outcome.LEFT_BEHIND, "the scan recorded more than " + MAX_ENTRIES
                    + " writes; this one was not undone"));
        }
        entries.add(e);
        if (write instanceof Write.Created c) {
            created.add(c.object());
        }
        return new WriteTicket(id, write);
    }

    /** Whether {@code uri} names an object a check of this scan created: the only URLs a DELETE may go to. */
    boolean createdHere(URI uri) {
        return created.contains(uri.normalize()) || created.contains(uri);
    }

    /** Undoes the ticket's write unless that was done or begun already; what became of it. */
    WriteRecord undo(WriteTicket ticket) throws InterruptedException {
        for (Entry e : entries) {
            if (e.id() == ticket.id()) {
                return undo(e);
            }
        }
        return initial("", ticket.write()).with(Outcome.LEFT_BEHIND, "not recorded in this scan's ledger");
    }

    /**
     * The end-of-scan pass: every write not undone yet, within {@link #MAX_PASS}; writes it could not reach in
     * that time are left behind, with the reason. Runs once; later calls return at once.
     */
    void undoRemaining() throws InterruptedException {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + MAX_PASS.toNanos();
        for (Entry e : entries) {
            if (System.nanoTime() > deadline && e.claimed().compareAndSet(false, true)) {
                e.state().set(e.state().get().with(Outcome.LEFT_BEHIND, "the undo pass ran out of time ("
                        + MAX_PASS.toSeconds() + " s)"));
            } else {
                undo(e);
            }
        }
    }

    /** Every write, in the order recorded. */
    List<WriteRecord> build() {
        List<WriteRecord> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.state().get());
        }
        return out;
    }

    private WriteRecord undo(Entry e) throws InterruptedException {
        if (!e.claimed().compareAndSet(false, true)) {
            return e.state().get();
        }
        WriteRecord before = e.state().get();
        WriteRecord after;
        try {
            after = unanswered.get() >= MAX_UNANSWERED
                    ? before.with(Outcome.LEFT_BEHIND, "the target stopped answering undo requests")
                    : switch (e.write()) {
                        case Write.Created c -> delete(before, c);
                        case Write.Changed c -> restore(before, c);
                    };
        } catch (InterruptedException ex) {
            // not undone: let the end-of-scan pass try again
            e.claimed().set(false);
            throw ex;
        }
        e.state().set(after);
        return after;
    }

    private WriteRecord delete(WriteRecord w, Write.Created c) throws InterruptedException {
        if (c.delete().isEmpty()) {
            return w.with(Outcome.LEFT_BEHIND, "no request that deletes it is known (the API documents none, or the answer named no object)");
        }
        ProbeRequest delete = c.delete().get();
        if (delete.method().equals("DELETE") && !mayDelete) {
            return w.with(Outcome.LEFT_BEHIND, "--allow-delete was not given; remove it with DELETE "
                    + c.object().getRawPath());
        }
        Exchange gone = send(delete);
        String sent = delete.method() + " " + c.object().getRawPath() + " -> " + status(gone);
        if (!gone.answered() || gone.status() / 100 != 2 && gone.status() != 404 && gone.status() != 410) {
            return w.with(Outcome.LEFT_BEHIND, sent + "; remove it by hand");
        }
        Exchange read = send(new ProbeRequest("GET", c.object(), delete.headers(), "", false, delete.identity()));
        if (read.status() == 404 || read.status() == 410) {
            return w.with(Outcome.UNDONE, sent + ", then GET -> " + read.status());
        }
        boolean ownCredentials = delete.identity() == dev.parapet.spi.Identity.ANONYMOUS
                && !delete.headers().fields().isEmpty();
        if (ownCredentials && read.status() == 401) {
            // an account deleted with its own token: that the token stopped working is the proof it is gone
            return w.with(Outcome.UNDONE, sent + ", then its own credentials are refused -> 401");
        }
        if (read.status() / 100 == 2) {
            return w.with(Outcome.LEFT_BEHIND, sent + ", but GET still serves it -> " + read.status());
        }
        return w.with(Outcome.UNCONFIRMED, sent + ", then GET -> " + status(read));
    }

    private WriteRecord restore(WriteRecord w, Write.Changed c) throws InterruptedException {
        JsonNode old = parse(c.oldValue()).orElse(null);
        Exchange first = send(c.read());
        Optional<JsonNode> now = valueAt(first, c.field());
        if (now.isPresent() && now.get().equals(old)) {
            return w.with(Outcome.NOTHING_TO_UNDO, "GET " + c.object().getRawPath() + " showed the old value");
        }
        Exchange restore = send(c.restore());
        String sent = c.restore().method() + " " + c.restore().uri().getRawPath() + " -> " + status(restore);
        if (!restore.answered() || restore.status() / 100 != 2) {
            return w.with(Outcome.LEFT_BEHIND, sent + "; write " + c.field() + " = " + c.oldValue() + " back by hand");
        }
        Exchange read = send(c.read());
        Optional<JsonNode> back = valueAt(read, c.field());
        if (back.isPresent() && back.get().equals(old)) {
            return w.with(Outcome.UNDONE, sent + ", then GET showed the old value");
        }
        if (back.isPresent()) {
            return w.with(Outcome.LEFT_BEHIND, sent + ", but GET still shows " + abbreviate(back.get().toString())
                    + "; write " + c.field() + " = " + c.oldValue() + " back by hand");
        }
        return w.with(Outcome.UNCONFIRMED, sent + ", then GET -> " + status(read));
    }

    private Exchange send(ProbeRequest probe) throws InterruptedException {
        Exchange e = sender.send(probe);
        if (e.answered()) {
            unanswered.set(0);
        } else {
            unanswered.incrementAndGet();
        }
        return e;
    }

    private static WriteRecord initial(String checkId, Write write) {
        return switch (write) {
            case Write.Created c -> new WriteRecord(checkId, WriteRecord.Kind.CREATED, c.via(),
                    c.object().toString(), "", "", Outcome.PENDING, "");
            case Write.Changed c -> new WriteRecord(checkId, WriteRecord.Kind.CHANGED, c.via(),
                    c.object().toString(), c.field(), c.oldValue(), Outcome.PENDING, "");
        };
    }

    private static Optional<JsonNode> valueAt(Exchange e, String pointer) {
        if (!e.answered() || e.status() / 100 != 2) {
            return Optional.empty();
        }
        return parse(e.body()).map(n -> n.at(pointer.isEmpty() || pointer.startsWith("/") ? pointer : "/" + pointer))
                .filter(n -> !n.isMissingNode());
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.ofNullable(JSON.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String status(Exchange e) {
        return e.answered() ? Integer.toString(e.status()) : e.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (e.error().isEmpty() ? "" : " (" + abbreviate(e.error()) + ")");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
