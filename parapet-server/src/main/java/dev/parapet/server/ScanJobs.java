package dev.parapet.server;

import dev.parapet.model.ScanReport;
import dev.parapet.store.ScanStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scan queue on the store's database, shared by the server and any number of workers in any number of
 * processes. Thread-safe; every method is one short transaction (retried on {@code 40001}, see {@link Tx}).
 *
 * <p>A worker {@link #claim}s the oldest claimable job: a queued one, or a running one whose lease expired (its
 * worker died). Claiming is {@code SELECT … FOR UPDATE SKIP LOCKED} (so concurrent workers pass over each other's
 * rows instead of queueing behind them) followed by an {@code UPDATE} that repeats the claimable condition, so the
 * claim is also a compare-and-set: correctness never rests on the row lock alone. The owner keeps the lease by
 * {@link #renew}ing it. Every write a worker makes afterwards ({@link #complete}, {@link #fail}, {@link #release})
 * is guarded by {@code lease_owner}: a worker whose lease expired and was taken over cannot write a second result.
 * The result and the completion are one transaction ({@link ScanStore#save(ScanReport, java.util.function.Consumer)}).
 *
 * <p>Lease times come from the clock of the process that writes them: workers on several machines need clocks
 * within a small fraction of the lease of each other (NTP is enough for the default 30 s lease).
 */
final class ScanJobs {

    /** A job whose worker was lost this many times is failed rather than claimed again (it may be what kills them). */
    static final int MAX_ATTEMPTS = 3;

    private static final String CLAIMABLE = "(status = 'queued' OR (status = 'running' AND lease_until < :now))";

    private final ScanStore store;
    private final Jdbi jdbi;
    private final Clock clock;

    ScanJobs(ScanStore store, Clock clock) {
        this.store = store;
        this.jdbi = store.jdbi();
        this.clock = clock;
    }

    /** A job a worker holds: what to run, and the lease it must keep renewing. */
    record Claimed(String id, String tenantId, ScanRequest request, int attempt) {
    }

    /** Raised inside a completion transaction when the lease is no longer this worker's; rolls the result back. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(String jobId) {
            super("the lease on job " + jobId + " is no longer held", null, false, false);
        }
    }

    String enqueue(String tenantId, ScanRequest request) {
        return Tx.inTransaction(jdbi, h -> enqueue(h, tenantId, request));
    }

    /** {@link #enqueue(String, ScanRequest)} inside the caller's transaction. */
    String enqueue(Handle h, String tenantId, ScanRequest request) {
        String id = Ids.next();
        h.createUpdate("INSERT INTO scan_jobs (id, tenant_id, status, target, "
                        + "request_json, created_at, attempts, cancel_requested) VALUES (:id, :tenant, 'queued', "
                        + ":target, :request, :now, 0, FALSE)")
                .bind("id", id).bind("tenant", tenantId).bind("target", request.target())
                .bind("request", request.toJson()).bindByType("now", now(), OffsetDateTime.class).execute();
        return id;
    }

    /** Claims the oldest claimable job for {@code owner} for {@code lease}, or empty when there is none. */
    Optional<Claimed> claim(String owner, Duration lease) {
        while (true) {
            Optional<Optional<Claimed>> attempt = Tx.inTransaction(jdbi, h -> claimOne(h, owner, lease));
            if (attempt.isPresent()) {
                return attempt.get();
            }
        }
    }

    /** Empty when the candidate turned out not to be runnable (cancelled or failed here): look again. */
    private Optional<Optional<Claimed>> claimOne(Handle h, String owner, Duration lease) {
        OffsetDateTime now = now();
        Optional<String> candidate = h.createQuery("SELECT id FROM scan_jobs WHERE " + CLAIMABLE
                        + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .bindByType("now", now, OffsetDateTime.class).mapTo(String.class).findOne();
        if (candidate.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        String id = candidate.get();
        int claimed = h.createUpdate("UPDATE scan_jobs SET status = 'running', lease_owner = :owner, "
                        + "lease_until = :until, attempts = attempts + 1, started_at = :now WHERE id = :id AND "
                        + CLAIMABLE)
                .bind("owner", owner).bindByType("until", now.plus(lease), OffsetDateTime.class)
                .bindByType("now", now, OffsetDateTime.class).bind("id", id).execute();
        if (claimed != 1) {
            return Optional.empty();
        }
        var row = h.createQuery("SELECT tenant_id, request_json, attempts, cancel_requested FROM scan_jobs "
                        + "WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)})
                .one();
        int attempt = (Integer) row[2];
        if ((Boolean) row[3]) {
            finish(h, id, owner, JobStatus.CANCELLED, "cancelled while its worker was lost");
            return Optional.empty();
        }
        if (attempt > MAX_ATTEMPTS) {
            finish(h, id, owner, JobStatus.FAILED, "its worker was lost " + MAX_ATTEMPTS + " times while running it");
            return Optional.empty();
        }
        return Optional.of(Optional.of(new Claimed(id, (String) row[0], ScanRequest.fromJson((String) row[1]),
                attempt)));
    }

    /** What a heartbeat learns: whether the lease is still this worker's, and whether a cancel was asked for. */
    record Renewal(boolean held, boolean cancelRequested) {
    }

    Renewal renew(String jobId, String owner, Duration lease) {
        return Tx.inTransaction(jdbi, h -> {
            OffsetDateTime now = now();
            int n = h.createUpdate("UPDATE scan_jobs SET lease_until = :until WHERE id = :id AND lease_owner = :owner "
                            + "AND status = 'running'")
                    .bindByType("until", now.plus(lease), OffsetDateTime.class).bind("id", jobId)
                    .bind("owner", owner).execute();
            if (n != 1) {
                return new Renewal(false, false);
            }
            boolean cancel = h.createQuery("SELECT cancel_requested FROM scan_jobs WHERE id = :id").bind("id", jobId)
                    .mapTo(Boolean.class).one();
            return new Renewal(true, cancel);
        });
    }

    /**
     * Stores the report and marks the job {@code status} (completed, or cancelled for a scan stopped on request) in
     * one transaction, only while {@code owner} holds the lease.
     *
     * @return false when the lease was lost (nothing was stored)
     */
    boolean complete(String jobId, String owner, ScanReport report, JobStatus status) {
        try {
            Tx.retrying(() -> store.save(report, h -> {
                int n = h.createUpdate("UPDATE scan_jobs SET status = :status, finished_at = :now, scan_id = :scan, "
                                + "score = :score, grade = :grade, lease_owner = NULL, lease_until = NULL "
                                + "WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                        .bind("status", status.id()).bindByType("now", now(), OffsetDateTime.class)
                        .bind("scan", report.scanId()).bindByType("score", report.score().score(), Integer.class)
                        .bind("grade", report.score().grade().name()).bind("id", jobId).bind("owner", owner)
                        .execute();
                if (n != 1) {
                    throw new LeaseLost(jobId);
                }
            }));
            return true;
        } catch (RuntimeException e) {
            if (causedByLeaseLost(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Marks the job failed with {@code error}, only while {@code owner} holds the lease; false when it does not. */
    boolean fail(String jobId, String owner, String error) {
        return Tx.inTransaction(jdbi, h -> finish(h, jobId, owner, JobStatus.FAILED, error));
    }

    /** Puts a running job back in the queue (graceful shutdown), only while {@code owner} holds the lease. */
    boolean release(String jobId, String owner) {
        return Tx.inTransaction(jdbi, h -> h.createUpdate("UPDATE scan_jobs SET status = 'queued', lease_owner = NULL, "
                        + "lease_until = NULL, started_at = NULL, attempts = attempts - 1 WHERE id = :id "
                        + "AND lease_owner = :owner AND status = 'running'")
                .bind("id", jobId).bind("owner", owner).execute() == 1);
    }

    private boolean finish(Handle h, String jobId, String owner, JobStatus status, String error) {
        return h.createUpdate("UPDATE scan_jobs SET status = :status, finished_at = :now, error = :error, "
                        + "lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner "
                        + "AND status = 'running'")
                .bind("status", status.id()).bindByType("now", now(), OffsetDateTime.class)
                .bind("error", error.length() > 2000 ? error.substring(0, 2000) : error).bind("id", jobId)
                .bind("owner", owner).execute() == 1;
    }

    /** The result of asking to cancel a job. */
    enum CancelOutcome { CANCELLED, CANCELLING, ALREADY_FINISHED, NOT_FOUND }

    /** Cancels a queued job at once; asks the worker of a running one to stop it (its next heartbeat sees it). */
    CancelOutcome cancel(String tenantId, String jobId) {
        return Tx.inTransaction(jdbi, h -> {
            int queued = h.createUpdate("UPDATE scan_jobs SET status = 'cancelled', finished_at = :now WHERE id = :id "
                            + "AND tenant_id = :tenant AND status = 'queued'")
                    .bindByType("now", now(), OffsetDateTime.class).bind("id", jobId).bind("tenant", tenantId)
                    .execute();
            if (queued == 1) {
                return CancelOutcome.CANCELLED;
            }
            int running = h.createUpdate("UPDATE scan_jobs SET cancel_requested = TRUE WHERE id = :id "
                            + "AND tenant_id = :tenant AND status = 'running'")
                    .bind("id", jobId).bind("tenant", tenantId).execute();
            if (running == 1) {
                return CancelOutcome.CANCELLING;
            }
            boolean exists = h.createQuery("SELECT COUNT(*) FROM scan_jobs WHERE id = :id AND tenant_id = :tenant")
                    .bind("id", jobId).bind("tenant", tenantId).mapTo(Integer.class).one() > 0;
            return exists ? CancelOutcome.ALREADY_FINISHED : CancelOutcome.NOT_FOUND;
        });
    }

    private static final String COLUMNS = "id, tenant_id, status, target, request_json, created_at, started_at, "
            + "finished_at, attempts, scan_id, score, grade, error";

    Optional<Job> find(String tenantId, String jobId) {
        return Tx.inTransaction(jdbi, h -> find(h, tenantId, jobId));
    }

    /** {@link #find(String, String)} inside the caller's transaction. */
    static Optional<Job> find(Handle h, String tenantId, String jobId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM scan_jobs WHERE id = :id AND tenant_id = :tenant")
                .bind("id", jobId).bind("tenant", tenantId).map((rs, ctx) -> job(rs)).findOne();
    }

    /** The tenant's jobs, newest first; {@code target} (null for all) keeps jobs of exactly that URL. */
    List<Job> list(String tenantId, String target, int limit) {
        return Tx.inTransaction(jdbi, h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM scan_jobs WHERE tenant_id = :tenant"
                            + (target == null ? "" : " AND target = :target")
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                    .bind("tenant", tenantId).bind("limit", limit);
            if (target != null) {
                query.bind("target", target);
            }
            return query.map((rs, ctx) -> job(rs)).list();
        });
    }

    /** How many jobs are in each state, across tenants (for operators). */
    Map<JobStatus, Integer> countByStatus() {
        return Tx.inTransaction(jdbi, h -> {
            Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
            for (JobStatus s : JobStatus.values()) {
                counts.put(s, 0);
            }
            h.createQuery("SELECT status, COUNT(*) FROM scan_jobs GROUP BY status")
                    .map((rs, ctx) -> counts.put(JobStatus.of(rs.getString(1)), rs.getInt(2))).list();
            return counts;
        });
    }

    /** The summed duration and the number of the stored scans that completed jobs (all tenants). */
    record Durations(long totalMillis, long count) {
    }

    Durations completedDurations() {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT COALESCE(SUM(s.duration_ms), 0), COUNT(*) "
                        + "FROM scans s JOIN scan_jobs j ON j.scan_id = s.id WHERE j.status = 'completed'")
                .map((rs, ctx) -> new Durations(rs.getLong(1), rs.getLong(2))).one());
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("tenant_id"), JobStatus.of(rs.getString("status")),
                rs.getString("target"), ScanRequest.fromJson(rs.getString("request_json")),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getInt("attempts"), rs.getString("scan_id"), rs.getObject("score", Integer.class),
                rs.getString("grade"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean causedByLeaseLost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LeaseLost) {
                return true;
            }
        }
        return false;
    }
}
