package dev.parapet.server;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ConfigLoader;
import dev.parapet.event.ScanEvent;
import dev.parapet.http.PinnedAddresses;
import dev.parapet.model.ScanReport;
import dev.parapet.service.ScanFailedException;
import dev.parapet.service.ScanService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs queued scans: {@code threads} loops that each claim a job, run it through {@link ScanService} and write the
 * result, plus one heartbeat that renews the lease of every job running here every third of the lease. A job whose
 * lease this worker lost (the database was unreachable for longer than the lease, and another worker took it over)
 * is stopped and its result dropped; a job whose cancellation was asked for is stopped and stored as cancelled.
 * {@link #close} stops the running scans and puts their jobs back in the queue. Thread-safe.
 */
final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** How a worker behaves; {@code name} identifies it as the lease owner and must be unique among workers. */
    record Settings(String name, int threads, Duration lease, Duration poll, Map<String, String> environment) {
        Settings {
            if (threads < 1) {
                throw new IllegalArgumentException("a worker runs at least one scan at a time");
            }
            environment = Map.copyOf(environment);
        }
    }

    private record Running(ScanService.Scan scan, java.util.concurrent.atomic.AtomicBoolean cancelled) {
    }

    private final ScanJobs jobs;
    private final ScanService service;
    private final Settings settings;
    private final LiveScans live;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final List<Thread> loops = new ArrayList<>();
    private final ScheduledExecutorService heartbeat;
    private volatile boolean stopping;

    Worker(ScanJobs jobs, ScanService service, Settings settings, LiveScans live) {
        this.jobs = jobs;
        this.service = service;
        this.settings = settings;
        this.live = live;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parapet-heartbeat-" + settings.name());
            t.setDaemon(true);
            return t;
        });
    }

    Worker start() {
        long every = Math.max(50, settings.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < settings.threads(); i++) {
            Thread t = new Thread(this::loop, "parapet-worker-" + settings.name() + "-" + i);
            loops.add(t);
            t.start();
        }
        return this;
    }

    /** How many scans run here now. */
    int runningCount() {
        return running.size();
    }

    private void loop() {
        while (!stopping) {
            try {
                Optional<ScanJobs.Claimed> claimed = jobs.claim(settings.name(), settings.lease());
                if (claimed.isEmpty()) {
                    Thread.sleep(settings.poll().toMillis());
                    continue;
                }
                run(claimed.get());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database may be briefly unreachable; try again after a pause rather than end the loop
                LOG.warn("worker {}: {}", settings.name(), e.toString());
                try {
                    Thread.sleep(settings.poll().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void run(ScanJobs.Claimed job) throws InterruptedException {
        String owner = settings.name();
        ConfigLoader.Resolved resolved;
        try {
            resolved = job.request().resolve(settings.environment());
        } catch (ConfigException | IllegalArgumentException e) {
            jobs.fail(job.id(), owner, e.getMessage());
            return;
        }
        URI target = resolved.scan().target();
        ScanEvent last = null;
        try (PinnedAddresses.Pin pin = ServerTargetPolicy.of(job.request().allowTargets()).admit(target)) {
            ScanService.Scan scan = service.prepare(resolved.scan(), List.of(live.publisher(job.id())));
            Running r = new Running(scan, new java.util.concurrent.atomic.AtomicBoolean());
            running.put(job.id(), r);
            if (stopping) {
                scan.stop("the worker is shutting down");
            }
            ScanReport report = scan.run();
            // no more renewals: the job is about to leave 'running', and a renewal then would read as a lost lease
            running.remove(job.id());
            last = new ScanEvent.ScanCompleted(report.scanId(), report);
            if (stopping && !r.cancelled().get()) {
                jobs.release(job.id(), owner);
                return;
            }
            boolean stored = jobs.complete(job.id(), owner, report,
                    r.cancelled().get() ? JobStatus.CANCELLED : JobStatus.COMPLETED);
            if (!stored) {
                LOG.warn("worker {}: lost the lease on job {}; its result was dropped", owner, job.id());
            }
        } catch (ScanFailedException e) {
            // a scan stopped for the shutdown before the target answered is not a failure of the scan
            if (stopping) {
                jobs.release(job.id(), owner);
            } else {
                jobs.fail(job.id(), owner, e.getMessage());
            }
        } catch (ServerTargetPolicy.Refused | ConfigException e) {
            jobs.fail(job.id(), owner, e.getMessage());
        } catch (InterruptedException e) {
            jobs.release(job.id(), owner);
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("worker {}: job {} failed", owner, job.id(), e);
            jobs.fail(job.id(), owner, "the scan failed unexpectedly: " + e);
        } finally {
            running.remove(job.id());
            live.ended(job.id(), last);
        }
    }

    private void renewLeases() {
        running.forEach((id, r) -> {
            try {
                ScanJobs.Renewal renewal = jobs.renew(id, settings.name(), settings.lease());
                if (!renewal.held()) {
                    LOG.warn("worker {}: the lease on job {} was lost; stopping its scan", settings.name(), id);
                    r.scan().stop("the worker lost its lease on this scan");
                } else if (renewal.cancelRequested() && !r.cancelled().get()) {
                    r.cancelled().set(true);
                    r.scan().stop("cancelled through the API");
                }
            } catch (RuntimeException e) {
                LOG.warn("worker {}: cannot renew the lease on job {}: {}", settings.name(), id, e.toString());
            }
        });
    }

    /**
     * Stops claiming, stops the running scans and puts their jobs back in the queue (another worker runs them
     * again), then waits up to {@code grace} for the loops to end.
     */
    void shutdown(Duration grace) {
        stopping = true;
        running.values().forEach(r -> r.scan().stop("the worker is shutting down"));
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : loops) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(Duration.ofSeconds(2));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        heartbeat.shutdownNow();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }
}
