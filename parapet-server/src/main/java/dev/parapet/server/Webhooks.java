package dev.parapet.server;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's webhooks and the messages owed to them, on the store's database. Every tenant-facing method filters by
 * tenant. {@link #fanOut} turns ended jobs into messages (the job row's {@code notified} flag is the outbox marker,
 * set in the same transaction); {@link #claimDue} hands pending messages to one dispatcher at a time by pushing
 * their next attempt past the attempt's timeout, the same compare-and-set as the scan queue. Thread-safe.
 */
final class Webhooks {

    /** A message is given up after this many attempts (with {@link #backoff} between them). */
    static final int MAX_ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final Clock clock;

    Webhooks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One subscription; the secret is only ever shown in the answer that created it. */
    record Webhook(String id, String tenantId, String url, List<WebhookEvent> events, Instant createdAt) {
    }

    /** A message claimed for one attempt. */
    record Due(String id, String webhookId, String tenantId, String url, String secret, String event, String payload,
               int attempts) {
    }

    /** What the tenant sees of one message. */
    record Delivery(String id, String jobId, String event, String status, int attempts, Instant createdAt,
                    Instant deliveredAt, Integer lastStatusCode, Long lastLatencyMs, String lastError) {
    }

    String create(String tenantId, String url, List<WebhookEvent> events, String secret) {
        String id = Ids.next();
        Tx.useTransaction(jdbi, h -> h.createUpdate("INSERT INTO webhooks (id, tenant_id, url, events, secret, "
                        + "created_at) VALUES (:id, :tenant, :url, :events, :secret, :now)")
                .bind("id", id).bind("tenant", tenantId).bind("url", url)
                .bind("events", String.join(",", events.stream().map(WebhookEvent::id).toList()))
                .bind("secret", secret).bindByType("now", now(), OffsetDateTime.class).execute());
        return id;
    }

    List<Webhook> list(String tenantId) {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT id, tenant_id, url, events, created_at FROM webhooks "
                        + "WHERE tenant_id = :tenant ORDER BY created_at, id").bind("tenant", tenantId)
                .map((rs, ctx) -> webhook(rs)).list());
    }

    Optional<Webhook> find(String tenantId, String id) {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT id, tenant_id, url, events, created_at FROM webhooks "
                        + "WHERE id = :id AND tenant_id = :tenant").bind("id", id).bind("tenant", tenantId)
                .map((rs, ctx) -> webhook(rs)).findOne());
    }

    /** Deletes the webhook and its messages; false when the tenant has no webhook with that id. */
    boolean delete(String tenantId, String id) {
        return Tx.inTransaction(jdbi, h -> {
            h.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id AND tenant_id = :tenant")
                    .bind("id", id).bind("tenant", tenantId).execute();
            return h.createUpdate("DELETE FROM webhooks WHERE id = :id AND tenant_id = :tenant").bind("id", id)
                    .bind("tenant", tenantId).execute() == 1;
        });
    }

    /** The webhook's messages, newest first. */
    List<Delivery> deliveries(String tenantId, String webhookId, int limit) {
        return Tx.inTransaction(jdbi, h -> h.createQuery("SELECT id, job_id, event, status, attempts, created_at, "
                        + "delivered_at, last_status_code, last_latency_ms, last_error FROM webhook_deliveries "
                        + "WHERE webhook_id = :webhook AND tenant_id = :tenant ORDER BY created_at DESC, id DESC "
                        + "LIMIT :limit")
                .bind("webhook", webhookId).bind("tenant", tenantId).bind("limit", limit)
                .map((rs, ctx) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), instant(rs, 6), instant(rs, 7), rs.getObject(8, Integer.class),
                        rs.getObject(9, Long.class), rs.getString(10)))
                .list());
    }

    /**
     * Writes the messages of up to {@code batch} ended jobs not yet notified and marks them notified, in one
     * transaction. {@code payload} builds a message body from a job and the event.
     *
     * @return how many jobs were handled
     */
    int fanOut(int batch, java.util.function.BiFunction<Job, WebhookEvent, String> payload) {
        return Tx.inTransaction(jdbi, h -> {
            List<String[]> ended = h.createQuery("SELECT id, tenant_id FROM scan_jobs WHERE notified = FALSE AND "
                            + "status IN ('completed', 'failed') ORDER BY finished_at, id LIMIT :batch "
                            + "FOR UPDATE SKIP LOCKED")
                    .bind("batch", batch).map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list();
            for (String[] row : ended) {
                int marked = h.createUpdate("UPDATE scan_jobs SET notified = TRUE WHERE id = :id AND notified = FALSE")
                        .bind("id", row[0]).execute();
                if (marked != 1) {
                    continue;
                }
                Job job = ScanJobs.find(h, row[1], row[0]).orElseThrow();
                List<WebhookEvent> events = new ArrayList<>();
                if (job.status() == JobStatus.COMPLETED) {
                    events.add(WebhookEvent.SCAN_COMPLETED);
                    if (gradeDropped(h, job)) {
                        events.add(WebhookEvent.GRADE_DROPPED);
                    }
                } else {
                    events.add(WebhookEvent.SCAN_FAILED);
                }
                for (Webhook w : h.createQuery("SELECT id, tenant_id, url, events, created_at FROM webhooks "
                        + "WHERE tenant_id = :tenant").bind("tenant", job.tenantId()).map((rs, ctx) -> webhook(rs))
                        .list()) {
                    for (WebhookEvent e : events) {
                        if (w.events().contains(e)) {
                            insertMessage(h, w, job, e, payload.apply(job, e));
                        }
                    }
                }
            }
            return ended.size();
        });
    }

    private void insertMessage(Handle h, Webhook w, Job job, WebhookEvent e, String body) {
        h.createUpdate("INSERT INTO webhook_deliveries (id, webhook_id, tenant_id, job_id, event, payload, status, "
                        + "attempts, created_at, next_attempt_at) VALUES (:id, :webhook, :tenant, :job, :event, "
                        + ":payload, 'pending', 0, :now, :now)")
                .bind("id", "msg_" + Ids.next()).bind("webhook", w.id()).bind("tenant", w.tenantId())
                .bind("job", job.id()).bind("event", e.id()).bind("payload", body)
                .bindByType("now", now(), OffsetDateTime.class).execute();
    }

    /** The tenant's previous completed scan of the same target scored more than this one. */
    private static boolean gradeDropped(Handle h, Job job) {
        if (job.score() == null) {
            return false;
        }
        Optional<Integer> previous = h.createQuery("SELECT score FROM scan_jobs WHERE tenant_id = :tenant AND "
                        + "target = :target AND status = 'completed' AND id <> :id AND finished_at <= :finished "
                        + "AND score IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1")
                .bind("tenant", job.tenantId()).bind("target", job.target()).bind("id", job.id())
                .bindByType("finished", job.finishedAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .mapTo(Integer.class).findOne();
        return previous.isPresent() && previous.get() > job.score();
    }

    /** Claims up to {@code batch} pending messages that are due, each for {@code timeout} (one attempt). */
    List<Due> claimDue(int batch, Duration timeout) {
        return Tx.inTransaction(jdbi, h -> {
            OffsetDateTime now = now();
            List<String> ids = h.createQuery("SELECT id FROM webhook_deliveries WHERE status = 'pending' AND "
                            + "next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :batch "
                            + "FOR UPDATE SKIP LOCKED")
                    .bindByType("now", now, OffsetDateTime.class).bind("batch", batch).mapTo(String.class).list();
            List<Due> due = new ArrayList<>();
            for (String id : ids) {
                h.createQuery("SELECT d.id, d.webhook_id, d.tenant_id, w.url, w.secret, d.event, d.payload, d.attempts "
                                + "FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                        .findOne().ifPresent(due::add);
            }
            List<Due> claimed = new ArrayList<>();
            for (Due d : due) {
                int n = h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :until WHERE id = :id AND "
                                + "status = 'pending' AND next_attempt_at <= :now")
                        .bindByType("until", now.plus(timeout), OffsetDateTime.class).bind("id", d.id())
                        .bindByType("now", now, OffsetDateTime.class).execute();
                if (n == 1) {
                    claimed.add(d);
                }
            }
            return claimed;
        });
    }

    /** Records one attempt: delivered on a 2xx, else pending again after {@code backoff}, or failed when out. */
    void recordAttempt(Due d, Integer statusCode, long latencyMs, String error, Duration backoff) {
        boolean delivered = statusCode != null && statusCode >= 200 && statusCode < 300;
        int attempts = d.attempts() + 1;
        String status = delivered ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "pending";
        OffsetDateTime now = now();
        Tx.useTransaction(jdbi, h -> h.createUpdate("UPDATE webhook_deliveries SET status = :status, attempts = "
                        + ":attempts, next_attempt_at = :next, delivered_at = :delivered, last_status_code = :code, "
                        + "last_latency_ms = :latency, last_error = :error WHERE id = :id")
                .bind("status", status).bind("attempts", attempts)
                .bindByType("next", now.plus(backoff(backoff, attempts)), OffsetDateTime.class)
                .bindByType("delivered", delivered ? now : null, OffsetDateTime.class)
                .bindByType("code", statusCode, Integer.class).bind("latency", latencyMs)
                .bind("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .bind("id", d.id()).execute());
    }

    /** {@code base} after the first failed attempt, doubling after each further one, at most 64 times {@code base}. */
    static Duration backoff(Duration base, int failedAttempts) {
        return base.multipliedBy(1L << Math.min(6, Math.max(0, failedAttempts - 1)));
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        List<WebhookEvent> events = Arrays.stream(rs.getString("events").split(",")).filter(s -> !s.isEmpty())
                .map(s -> WebhookEvent.of(s).orElseThrow()).toList();
        return new Webhook(rs.getString("id"), rs.getString("tenant_id"), rs.getString("url"), events,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static Map<String, Object> view(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("url", w.url());
        m.put("events", w.events().stream().map(WebhookEvent::id).toList());
        m.put("createdAt", w.createdAt().toString());
        return m;
    }
}
