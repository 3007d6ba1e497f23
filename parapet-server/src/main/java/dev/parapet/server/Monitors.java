package dev.parapet.server;

import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Recurring scans. A monitor holds a scan request and an interval; {@link #enqueueDue} queues the runs that are due,
 * each exactly once however many schedulers share the database: the run's due time moves forward with a
 * compare-and-set, and the run is recorded under the key (monitor, due time) in the same transaction as its job. A
 * new monitor's first run is due after a random jitter of up to a tenth of its interval (at most five minutes), so
 * monitors created together do not all fire together. Every tenant-facing method filters by tenant. Thread-safe.
 */
final class Monitors {

    static final Duration MIN_EVERY = Duration.ofMinutes(5);
    static final Duration MAX_EVERY = Duration.ofDays(31);
    private static final Duration MAX_JITTER = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ScanJobs jobs;

    Monitors(Jdbi jdbi, Clock clock, ScanJobs jobs) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.jobs = jobs;
    }

    record Monitor(String id, String tenantId, ScanRequest request, Duration every, Instant nextDueAt,
                   Instant createdAt) {
    }

    String create(String tenantId, ScanRequest request, Duration every) {
        String id = Ids.next();
        long jitterMillis = Math.min(every.toMillis() / 10, MAX_JITTER.toMillis());
        Instant first = clock.instant().plusMillis(ThreadLocalRandom.current().nextLong(jitterMillis + 1));
        Tx.useTransaction(jdbi, h -> h.createUpdate("INSERT INTO monitors (id, tenant_id, target, request_json, "
                        + "every_seconds, next_due_at, created_at) VALUES (:id, :tenant, :target, :request, :every, "
                        + ":due, :now)")
                .bind("id", id).bind("tenant", tenantId).bind("target", request.target())
                .bind("request", request.toJson()).bind("every", every.toSeconds())
                .bindByType("due", first.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .bindByType("now", clock.instant().atOffset(ZoneOffset.UTC), OffsetDateTime.class).execute());
        return id;
    }

    List<Monitor> list(String tenantId) {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT * FROM monitors WHERE tenant_id = :tenant "
                + "ORDER BY created_at, id").bind("tenant", tenantId).map((rs, ctx) -> monitor(rs)).list());
    }

    Optional<Monitor> find(String tenantId, String id) {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT * FROM monitors WHERE id = :id AND tenant_id = "
                + ":tenant").bind("id", id).bind("tenant", tenantId).map((rs, ctx) -> monitor(rs)).findOne());
    }

    /** Deletes the monitor (its queued and past scans stay); false when the tenant has no monitor with that id. */
    boolean delete(String tenantId, String id) {
        return Tx.inTransaction(jdbi, h -> {
            h.createUpdate("DELETE FROM monitor_runs WHERE monitor_id IN (SELECT id FROM monitors WHERE id = :id AND "
                    + "tenant_id = :tenant)").bind("id", id).bind("tenant", tenantId).execute();
            return h.createUpdate("DELETE FROM monitors WHERE id = :id AND tenant_id = :tenant").bind("id", id)
                    .bind("tenant", tenantId).execute() == 1;
        });
    }

    /** The ids of the scans the monitor queued, newest first. */
    List<String> runs(String tenantId, String id, int limit) {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT r.job_id FROM monitor_runs r JOIN monitors m ON "
                        + "m.id = r.monitor_id WHERE m.id = :id AND m.tenant_id = :tenant ORDER BY r.due_at DESC "
                        + "LIMIT :limit").bind("id", id).bind("tenant", tenantId).bind("limit", limit)
                .mapTo(String.class).list());
    }

    /**
     * Queues one run of each of up to {@code batch} due monitors. A monitor that missed several runs (every
     * scheduler was down) gets one, and its next run is due on its schedule after now.
     *
     * @return how many runs were queued
     */
    int enqueueDue(int batch) {
        return Tx.inTransaction(jdbi, h -> {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            List<Monitor> due = h.createQuery("SELECT * FROM monitors WHERE next_due_at <= :now ORDER BY next_due_at, "
                            + "id LIMIT :batch FOR UPDATE SKIP LOCKED")
                    .bindByType("now", now, OffsetDateTime.class).bind("batch", batch)
                    .map((rs, ctx) -> monitor(rs)).list();
            int queued = 0;
            for (Monitor m : due) {
                Instant next = m.nextDueAt();
                while (!next.isAfter(now.toInstant())) {
                    next = next.plus(m.every());
                }
                int moved = h.createUpdate("UPDATE monitors SET next_due_at = :next WHERE id = :id "
                                + "AND next_due_at = :due")
                        .bindByType("next", next.atOffset(ZoneOffset.UTC), OffsetDateTime.class).bind("id", m.id())
                        .bindByType("due", m.nextDueAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class).execute();
                if (moved != 1) {
                    continue;
                }
                String job = jobs.enqueue(h, m.tenantId(), m.request());
                h.createUpdate("INSERT INTO monitor_runs (monitor_id, due_at, job_id) VALUES (:monitor, :due, :job)")
                        .bind("monitor", m.id())
                        .bindByType("due", m.nextDueAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                        .bind("job", job).execute();
                queued++;
            }
            return queued;
        });
    }

    private static Monitor monitor(ResultSet rs) throws SQLException {
        return new Monitor(rs.getString("id"), rs.getString("tenant_id"),
                ScanRequest.fromJson(rs.getString("request_json")), Duration.ofSeconds(rs.getLong("every_seconds")),
                rs.getObject("next_due_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static Map<String, Object> view(Monitor m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("target", m.request().target());
        v.put("every", m.every().toSeconds() % 86400 == 0 ? m.every().toDays() + "d"
                : m.every().toSeconds() % 3600 == 0 ? m.every().toHours() + "h" : m.every().toMinutes() + "m");
        v.put("nextDueAt", m.nextDueAt().toString());
        v.put("createdAt", m.createdAt().toString());
        Map<String, Object> request = new LinkedHashMap<>();
        if (m.request().spec() != null) {
            request.put("spec", m.request().spec());
        }
        if (!m.request().checks().isEmpty()) {
            request.put("checks", m.request().checks());
        }
        if (m.request().mode() != null) {
            request.put("mode", m.request().mode());
        }
        if (m.request().maxTime() != null) {
            request.put("maxTime", m.request().maxTime());
        }
        v.put("request", request);
        return v;
    }
}
