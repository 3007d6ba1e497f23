package dev.parapet.server;

import dev.parapet.service.ScanService;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@code parapet worker}: runs queued scans from a shared database until closed. Any number of workers, on any
 * number of machines, may share one database; each job runs on one of them at a time. Thread-safe.
 */
public final class ParapetWorker implements AutoCloseable {

    /** How long a claimed job stays this worker's without a heartbeat; a dead worker's job waits this long. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

    private final Worker worker;

    private ParapetWorker(Worker worker) {
        this.worker = worker;
    }

    /**
     * Opens the database at {@code db} (migrating it) and starts {@code threads} scan loops.
     *
     * @param environment the {@code PARAPET_*} settings scans take as defaults (credentials are left out)
     */
    public static ParapetWorker start(StoreLocation db, int threads, Map<String, String> environment,
                                      Duration lease, Duration poll) {
        ScanStore store = ServerDatabase.open(db);
        return new ParapetWorker(start(store, threads, environment, lease, poll, new LiveScans()));
    }

    static Worker start(ScanStore store, int threads, Map<String, String> environment, Duration lease,
                        Duration poll, LiveScans live) {
        Worker.Settings settings = new Worker.Settings(uniqueName(), threads, lease, poll, environment);
        return new Worker(new ScanJobs(store, Clock.systemUTC()), ScanService.withInstalledChecks(), settings, live)
                .start();
    }

    /** host, process id and a random suffix: unique among the workers sharing a database. */
    static String uniqueName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "worker";
        }
        String name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + Ids.next().substring(0, 6);
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    /** Stops the running scans and puts their jobs back in the queue, so another worker runs them. */
    @Override
    public void close() {
        worker.shutdown(Duration.ofSeconds(20));
    }
}
