package dev.parapet.server;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Monitors on H2 and on a real PostgreSQL: schedulers racing over the same due monitor queue each run exactly once
 * (no leader), a monitor that missed runs gets one and is due again on its schedule, and the first run is jittered
 * within a tenth of the interval.
 */
class MonitorsTest {

    @Test
    void racingSchedulersQueueEachRunOnceOnH2() throws Exception {
        racingSchedulersQueueEachRunOnce(StoreLocation.of("jdbc:h2:mem:monitors-" + Ids.next()
                + ";DB_CLOSE_DELAY=-1", "--db"));
    }

    @Test
    void racingSchedulersQueueEachRunOnceOnPostgres() throws Exception {
        racingSchedulersQueueEachRunOnce(Postgres.freshDatabase());
    }

    private void racingSchedulersQueueEachRunOnce(StoreLocation location) throws Exception {
        ScanStore store = ServerDatabase.open(location);
        MutableClock clock = new MutableClock();
        ScanJobs jobs = new ScanJobs(store, clock);
        Monitors monitors = new Monitors(store.jdbi(), clock, jobs);
        String tenant = new Tenants(store.jdbi()).ensure("acme").id();
        Instant created = clock.instant();
        String id = monitors.create(tenant, ScanJobsContract.request("http://127.0.0.1:9/"), Duration.ofHours(1));
        Instant firstDue = monitors.find(tenant, id).orElseThrow().nextDueAt();
        assertThat(firstDue).isBetween(created, created.plus(Duration.ofMinutes(5)));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            assertThat(race(pool, monitors)).as("the first run, once").isEqualTo(1);
            assertThat(race(pool, monitors)).as("nothing more is due").isZero();
            clock.advance(Duration.ofHours(1));
            assertThat(race(pool, monitors)).as("the second run, once").isEqualTo(1);
            clock.advance(Duration.ofHours(5));
            assertThat(race(pool, monitors)).as("missed runs make one run").isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        Instant next = monitors.find(tenant, id).orElseThrow().nextDueAt();
        assertThat(next).isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(Duration.between(firstDue, next).toMinutes() % 60).as("the schedule keeps its phase").isZero();
        List<String> runs = monitors.runs(tenant, id, 10);
        assertThat(runs).hasSize(3).doesNotHaveDuplicates();
        assertThat(jobs.list(tenant, null, 10)).extracting(Job::id).containsExactlyInAnyOrderElementsOf(runs);
        assertThat(monitors.find("another-tenant", id)).isEmpty();
        assertThat(monitors.delete("another-tenant", id)).isFalse();
        assertThat(monitors.delete(tenant, id)).isTrue();
        assertThat(jobs.list(tenant, null, 10)).as("its scans stay").hasSize(3);
    }

    private static int race(ExecutorService pool, Monitors monitors) throws Exception {
        List<Callable<Integer>> schedulers = List.of(() -> monitors.enqueueDue(5), () -> monitors.enqueueDue(5),
                () -> monitors.enqueueDue(5));
        int queued = 0;
        for (Future<Integer> f : pool.invokeAll(schedulers)) {
            queued += f.get();
        }
        return queued;
    }

    @Test
    void aMonitorNeedsAnIntervalFromFiveMinutesToAMonthAndNoCron() {
        assertThat(MonitorApi.parse("{\"target\":\"https://api.example.com\",\"every\":\"15m\"}").every())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(MonitorApi.parse("{\"target\":\"https://api.example.com\",\"every\":\"1d\",\"mode\":\"passive\"}")
                .request().mode()).isEqualTo("passive");
        for (String body : List.of("{\"target\":\"https://api.example.com\"}",
                "{\"target\":\"https://api.example.com\",\"every\":\"1m\"}",
                "{\"target\":\"https://api.example.com\",\"every\":\"40d\"}",
                "{\"target\":\"https://api.example.com\",\"every\":\"1 hour\"}",
                "{\"target\":\"https://api.example.com\",\"cron\":\"0 * * * *\"}",
                "{\"every\":\"1h\"}")) {
            assertThatThrownBy(() -> MonitorApi.parse(body)).as(body).isInstanceOf(Problem.class)
                    .extracting(e -> ((Problem) e).status).isEqualTo(400);
        }
    }
}
