package dev.parapet.server;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's guarantees, on each database the server supports (each test gets an empty database). */
abstract class ScanJobsContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    abstract StoreLocation freshLocation();

    ScanStore store;
    ScanJobs jobs;
    MutableClock clock;
    String tenant;

    @BeforeEach
    void openQueue() {
        store = ServerDatabase.open(freshLocation());
        clock = new MutableClock();
        jobs = new ScanJobs(store, clock);
        tenant = new Tenants(store.jdbi()).ensure("acme").id();
    }

    static ScanRequest request(String target) {
        return new ScanRequest(target, null, List.of("security-headers"), null, null, "10s", List.of());
    }

    @Test
    void concurrentWorkersClaimEveryQueuedJobExactlyOnce() throws Exception {
        int count = 20;
        for (int i = 0; i < count; i++) {
            jobs.enqueue(tenant, request("http://127.0.0.1:9/" + i));
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int w = 0; w < 4; w++) {
            String owner = "worker-" + w;
            pool.submit(() -> {
                try {
                    while (true) {
                        var c = jobs.claim(owner, LEASE);
                        if (c.isEmpty()) {
                            return;
                        }
                        if (!claimed.add(c.get().id())) {
                            duplicates.add(c.get().id());
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(count);
        assertThat(jobs.countByStatus().get(JobStatus.RUNNING)).isEqualTo(count);
    }

    @Test
    void aJobWhoseLeaseExpiredIsClaimedAgainAndTheStaleWorkerCannotWriteAResult() throws Exception {
        String id = jobs.enqueue(tenant, request("http://127.0.0.1:9/"));
        assertThat(jobs.claim("killed", LEASE)).get().extracting(ScanJobs.Claimed::id).isEqualTo(id);
        assertThat(jobs.claim("other", LEASE)).as("the lease still runs").isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        var again = jobs.claim("other", LEASE);
        assertThat(again).get().extracting(ScanJobs.Claimed::attempt).isEqualTo(2);

        assertThat(jobs.renew(id, "killed", LEASE).held()).isFalse();
        assertThat(jobs.complete(id, "killed", TestReports.fresh(), JobStatus.COMPLETED)).isFalse();
        assertThat(jobs.fail(id, "killed", "late")).isFalse();
        assertThat(jobs.complete(id, "other", TestReports.fresh(), JobStatus.COMPLETED)).isTrue();
        assertThat(jobs.complete(id, "other", TestReports.fresh(), JobStatus.COMPLETED))
                .as("a completed job takes no second result").isFalse();

        Job job = jobs.find(tenant, id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        int stored = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scans").mapTo(Integer.class)
                .one());
        assertThat(stored).as("the rejected results left no rows").isEqualTo(1);
        assertThat(store.find(job.scanId()).scanId()).isEqualTo(job.scanId());
    }

    @Test
    void renewingKeepsTheLeaseAndTellsTheWorkerOfACancellation() {
        String id = jobs.enqueue(tenant, request("http://127.0.0.1:9/"));
        jobs.claim("w", LEASE).orElseThrow();
        clock.advance(LEASE.minusSeconds(5));
        assertThat(jobs.renew(id, "w", LEASE)).isEqualTo(new ScanJobs.Renewal(true, false));
        clock.advance(LEASE.minusSeconds(5));
        assertThat(jobs.claim("thief", LEASE)).as("the renewed lease has not expired").isEmpty();

        assertThat(jobs.cancel(tenant, id)).isEqualTo(ScanJobs.CancelOutcome.CANCELLING);
        assertThat(jobs.renew(id, "w", LEASE)).isEqualTo(new ScanJobs.Renewal(true, true));
    }

    @Test
    void aCancelledQueuedJobIsNeverClaimedAndOnlyItsTenantCanCancelIt() {
        String other = new Tenants(store.jdbi()).ensure("globex").id();
        String id = jobs.enqueue(tenant, request("http://127.0.0.1:9/"));
        assertThat(jobs.cancel(other, id)).isEqualTo(ScanJobs.CancelOutcome.NOT_FOUND);
        assertThat(jobs.find(other, id)).isEmpty();
        assertThat(jobs.cancel(tenant, id)).isEqualTo(ScanJobs.CancelOutcome.CANCELLED);
        assertThat(jobs.cancel(tenant, id)).isEqualTo(ScanJobs.CancelOutcome.ALREADY_FINISHED);
        assertThat(jobs.claim("w", LEASE)).isEmpty();
    }

    @Test
    void aReleasedJobIsQueuedAgainAndAJobThatKeepsLosingItsWorkerFails() {
        String id = jobs.enqueue(tenant, request("http://127.0.0.1:9/"));
        jobs.claim("w", LEASE).orElseThrow();
        assertThat(jobs.release(id, "w")).isTrue();
        assertThat(jobs.find(tenant, id).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        for (int i = 0; i < ScanJobs.MAX_ATTEMPTS; i++) {
            assertThat(jobs.claim("w" + i, LEASE)).isPresent();
            clock.advance(LEASE.plusSeconds(1));
        }
        assertThat(jobs.claim("last", LEASE)).isEmpty();
        Job job = jobs.find(tenant, id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("lost " + ScanJobs.MAX_ATTEMPTS + " times");
    }

    @Test
    void historyIsTheTenantsOwnNewestFirst() {
        String a = jobs.enqueue(tenant, request("http://127.0.0.1:9/a"));
        clock.advance(Duration.ofSeconds(1));
        String b = jobs.enqueue(tenant, request("http://127.0.0.1:9/b"));
        jobs.enqueue(new Tenants(store.jdbi()).ensure("globex").id(), request("http://127.0.0.1:9/a"));
        assertThat(jobs.list(tenant, null, 10)).extracting(Job::id).containsExactly(b, a);
        assertThat(jobs.list(tenant, "http://127.0.0.1:9/a", 10)).extracting(Job::id).containsExactly(a);
    }
}
