package dev.parapet.server;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL, an API-only server and three worker processes ({@code java -cp <test class path>}); 30 scans
 * of five loopback fixtures are queued over the API, and one worker is killed with SIGKILL while it runs a scan.
 * Every scan must end completed with exactly one stored result, the killed worker's scan run again elsewhere.
 */
class MultiProcessWorkersTest {

    static final int SCANS = 30;
    static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void everyScanHasExactlyOneResultAfterAWorkerIsKilledMidScan() throws Exception {
        StoreLocation db = Postgres.freshDatabase();
        String key = ServerAdmin.open(db).createKey("acme", "member").key();
        List<LoopbackHttpServer> fixtures = new ArrayList<>();
        List<Process> workers = new ArrayList<>();
        Path logs = Files.createDirectories(Path.of("target", "worker-logs"));
        try (ParapetServer server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 0,
                List.of("127.0.0.1/32"), 500, 1000, ApiServerTest.FAST))) {
            for (int i = 0; i < 5; i++) {
                fixtures.add(HeadersFixtures.bare());
            }
            for (int i = 0; i < 3; i++) {
                workers.add(startWorker(db, logs.resolve("worker-" + i + ".log").toFile()));
            }
            Api api = new Api(server.port());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SCANS; i++) {
                ids.add(api.submit(key, fixtures.get(i % fixtures.size()).uri().toString()));
            }
            Jdbi jdbi = ScanStore.open(db).jdbi();
            Process victim = workers.getFirst();
            String victimJob = awaitRunningJobOf(jdbi, victim.pid());
            victim.destroyForcibly().waitFor();

            for (String id : ids) {
                assertThat(api.awaitEnd(key, id).path("status").asText()).as(id).isEqualTo("completed");
            }
            int jobs = count(jdbi, "SELECT COUNT(*) FROM scan_jobs WHERE status = 'completed' AND scan_id IS NOT NULL");
            int results = count(jdbi, "SELECT COUNT(*) FROM scans");
            int distinct = count(jdbi, "SELECT COUNT(DISTINCT scan_id) FROM scan_jobs");
            int orphans = count(jdbi, "SELECT COUNT(*) FROM scans s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM scan_jobs j WHERE j.scan_id = s.id)");
            assertThat(jobs).isEqualTo(SCANS);
            assertThat(results).isEqualTo(SCANS);
            assertThat(distinct).isEqualTo(SCANS);
            assertThat(orphans).isZero();
            int attempts = jdbi.withHandle(h -> h.createQuery("SELECT attempts FROM scan_jobs WHERE id = :id")
                    .bind("id", victimJob).mapTo(Integer.class).one());
            assertThat(attempts).as("the killed worker's scan ran again").isGreaterThanOrEqualTo(2);
        } finally {
            for (Process p : workers) {
                p.getOutputStream().close();
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            fixtures.forEach(LoopbackHttpServer::close);
        }
    }

    private static Process startWorker(StoreLocation db, File log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), WorkerProcessMain.class.getName(), db.jdbcUrl(), "2",
                String.valueOf(LEASE.toMillis()))
                .redirectErrorStream(true).redirectOutput(log).start();
        return p;
    }

    /** The id of a job the worker with this process id is running (bounded wait). */
    private static String awaitRunningJobOf(Jdbi jdbi, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> running = jdbi.withHandle(h -> h.createQuery("SELECT id FROM scan_jobs WHERE status = "
                    + "'running' AND lease_owner LIKE :owner").bind("owner", "%-" + pid + "-%").mapTo(String.class)
                    .list());
            if (!running.isEmpty()) {
                return running.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("worker process " + pid + " never ran a scan");
    }

    private static int count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
