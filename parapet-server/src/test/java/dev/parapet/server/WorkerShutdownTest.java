package dev.parapet.server;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerShutdownTest {

    @Test
    void shuttingDownPutsTheRunningScanBackInTheQueueWithItsLeaseReleased() throws Exception {
        ScanStore store = ServerDatabase.open(StoreLocation.of("jdbc:h2:mem:shutdown-" + Ids.next()
                + ";DB_CLOSE_DELAY=-1", "--db"));
        ScanJobs jobs = new ScanJobs(store, Clock.systemUTC());
        String tenant = new Tenants(store.jdbi()).ensure("acme").id();
        try (LoopbackHttpServer fixture = HeadersFixtures.bare()) {
            // two requests a second: the scan is still running when the worker is asked to stop
            Worker worker = ParapetWorker.start(store, 1, Map.of("PARAPET_RATE", "2"), Duration.ofSeconds(30),
                    Duration.ofMillis(50), new LiveScans());
            String id = jobs.enqueue(tenant, new ScanRequest(fixture.uri().toString(), null,
                    List.of("security-headers"), null, null, "60s", List.of("127.0.0.1/32")));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (worker.runningCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(worker.runningCount()).isEqualTo(1);
            worker.shutdown(Duration.ofSeconds(20));

            Job job = jobs.find(tenant, id).orElseThrow();
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.scanId()).isNull();
            assertThat(jobs.claim("next", Duration.ofSeconds(30))).as("claimable at once, no lease to wait out")
                    .get().extracting(ScanJobs.Claimed::attempt).isEqualTo(1);
        }
    }
}
