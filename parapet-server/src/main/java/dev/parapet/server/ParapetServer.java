package dev.parapet.server;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code parapet server}: the HTTP API on one address, over a database it shares with any number of
 * {@link ParapetWorker}s, and with {@code workers} scan loops of its own (zero for an API-only server). Closing it
 * stops the API and puts the scans running here back in the queue.
 */
public final class ParapetServer implements AutoCloseable {

    /**
     * @param host          the address to listen on (127.0.0.1 unless the server is meant to be reached from elsewhere)
     * @param port          0 for any free port
     * @param allowTargets  {@code --allow-target} patterns admitting internal addresses for every tenant
     * @param ratePerSecond API calls each key may make per second (with a burst of {@code burst})
     */
    public record Options(String host, int port, StoreLocation db, int workers, List<String> allowTargets,
                          double ratePerSecond, int burst, Map<String, String> environment) {
        public Options {
            allowTargets = List.copyOf(allowTargets);
            environment = Map.copyOf(environment);
            if (workers < 0) {
                throw new IllegalArgumentException("--workers must be 0 or more");
            }
        }
    }

    private final ApiServer api;
    private final Worker worker;
    private final WebhookDispatcher webhooks;
    private final BackgroundLoop monitors;

    private ParapetServer(ApiServer api, Worker worker, WebhookDispatcher webhooks, BackgroundLoop monitors) {
        this.api = api;
        this.worker = worker;
        this.webhooks = webhooks;
        this.monitors = monitors;
    }

    public static ParapetServer start(Options o) {
        return start(o, ParapetWorker.DEFAULT_LEASE, ParapetWorker.DEFAULT_POLL);
    }

    static ParapetServer start(Options o, Duration lease, Duration poll) {
        ScanStore store = ServerDatabase.open(o.db());
        Tenants tenants = new Tenants(store.jdbi());
        LiveScans live = new LiveScans();
        ApiServer api = new ApiServer(store, new ScanJobs(store, Clock.systemUTC()),
                new ApiKeys(store.jdbi(), tenants), tenants, live,
                new ApiServer.Settings(o.host(), o.port(), o.allowTargets(), o.ratePerSecond(), o.burst(),
                        o.environment(), poll));
        Worker worker = o.workers() == 0 ? null
                : ParapetWorker.start(store, o.workers(), o.environment(), lease, poll, live);
        try {
            api.start();
        } catch (RuntimeException e) {
            if (worker != null) {
                worker.shutdown(Duration.ofSeconds(5));
            }
            throw e;
        }
        // the first retry of a failed delivery waits ten polls (10 s by default), doubling from there
        WebhookDispatcher webhooks = new WebhookDispatcher(new Webhooks(store.jdbi(), Clock.systemUTC()), tenants,
                o.allowTargets(), poll, poll.multipliedBy(10), Clock.systemUTC()).start();
        // every server process schedules: an enqueue is idempotent, so several servers need no leader
        Monitors schedule = new Monitors(store.jdbi(), Clock.systemUTC(), new ScanJobs(store, Clock.systemUTC()));
        BackgroundLoop monitors = new BackgroundLoop("parapet-monitors", poll, () -> schedule.enqueueDue(20)).start();
        return new ParapetServer(api, worker, webhooks, monitors);
    }

    public int port() {
        return api.port();
    }

    List<ApiServer.Route> routes() {
        return api.routes();
    }

    /** Stops accepting calls, then stops the scans running here and requeues them. */
    @Override
    public void close() {
        api.close();
        monitors.close();
        webhooks.close();
        if (worker != null) {
            worker.shutdown(Duration.ofSeconds(20));
        }
    }
}
