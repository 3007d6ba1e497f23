package dev.parapet.server;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook outbox on H2 and on a real PostgreSQL: dispatchers racing over the same ended jobs write each message
 * once, each message is claimed by one of them at a time, and a lower score than the target's previous completed
 * scan adds {@code grade.dropped}.
 */
class WebhookOutboxTest {

    @Test
    void racingDispatchersWriteAndClaimEachMessageOnceOnH2() throws Exception {
        racingDispatchersWriteAndClaimEachMessageOnce(StoreLocation.of("jdbc:h2:mem:outbox-" + Ids.next()
                + ";DB_CLOSE_DELAY=-1", "--db"));
    }

    @Test
    void racingDispatchersWriteAndClaimEachMessageOnceOnPostgres() throws Exception {
        racingDispatchersWriteAndClaimEachMessageOnce(Postgres.freshDatabase());
    }

    private void racingDispatchersWriteAndClaimEachMessageOnce(StoreLocation location) throws Exception {
        ScanStore store = ServerDatabase.open(location);
        MutableClock clock = new MutableClock();
        ScanJobs jobs = new ScanJobs(store, clock);
        Webhooks webhooks = new Webhooks(store.jdbi(), clock);
        String tenant = new Tenants(store.jdbi()).ensure("acme").id();
        String other = new Tenants(store.jdbi()).ensure("other").id();
        webhooks.create(tenant, "http://127.0.0.1:9/hook", List.of(WebhookEvent.SCAN_COMPLETED,
                WebhookEvent.GRADE_DROPPED), WebhookSignature.newSecret());
        webhooks.create(other, "http://127.0.0.1:9/other", List.of(WebhookEvent.SCAN_COMPLETED),
                WebhookSignature.newSecret());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = jobs.enqueue(tenant, ScanJobsContract.request("http://127.0.0.1:9/"));
            ScanJobs.Claimed c = jobs.claim("w", Duration.ofSeconds(30)).orElseThrow();
            assertThat(jobs.complete(c.id(), "w", TestReports.fresh(), JobStatus.COMPLETED)).isTrue();
            clock.advance(Duration.ofSeconds(1));
            ids.add(id);
        }
        // the last scan of the target scored lower than the one before it
        store.jdbi().useHandle(h -> h.createUpdate("UPDATE scan_jobs SET score = score - 10 WHERE id = :id")
                .bind("id", ids.getLast()).execute());

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> fanOuts = List.of(() -> webhooks.fanOut(2, (j, e) -> "{}"),
                    () -> webhooks.fanOut(2, (j, e) -> "{}"), () -> webhooks.fanOut(50, (j, e) -> "{}"));
            for (int round = 0; round < 3; round++) {
                for (Future<Integer> f : pool.invokeAll(fanOuts)) {
                    f.get();
                }
            }
            int messages = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries")
                    .mapTo(Integer.class).one());
            assertThat(messages).as("six scan.completed and one grade.dropped, for acme only").isEqualTo(7);
            List<String> dropped = store.jdbi().withHandle(h -> h.createQuery("SELECT job_id FROM webhook_deliveries "
                    + "WHERE event = 'grade.dropped'").mapTo(String.class).list());
            assertThat(dropped).containsExactly(ids.getLast());

            List<Callable<List<Webhooks.Due>>> claims = List.of(() -> webhooks.claimDue(3, Duration.ofSeconds(30)),
                    () -> webhooks.claimDue(3, Duration.ofSeconds(30)), () -> webhooks.claimDue(3,
                            Duration.ofSeconds(30)));
            List<String> claimed = new ArrayList<>();
            for (Future<List<Webhooks.Due>> f : pool.invokeAll(claims)) {
                f.get().forEach(d -> claimed.add(d.id()));
            }
            assertThat(claimed).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(7);
            claimed.addAll(webhooks.claimDue(10, Duration.ofSeconds(30)).stream().map(Webhooks.Due::id).toList());
            assertThat(claimed).as("every message claimed exactly once while the claims last").hasSize(7)
                    .doesNotHaveDuplicates();
            assertThat(webhooks.claimDue(10, Duration.ofSeconds(30))).isEmpty();
        } finally {
            pool.shutdown();
        }
    }
}
