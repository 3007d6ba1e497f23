package dev.parapet.cli;

import dev.parapet.server.ParapetWorker;
import dev.parapet.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code parapet worker}: runs scans queued through a {@code parapet server} on the same database, until stopped
 * (Ctrl-C or SIGTERM puts its running scans back in the queue; a worker killed outright loses its lease and its
 * scans are run again elsewhere once the lease expires).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run scans queued by 'parapet server' from a shared database (PostgreSQL or CockroachDB).",
                "Run as many as you like, on as many machines as you like."})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--threads", defaultValue = "2",
            description = "Scans this worker runs at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    DbOption db = new DbOption();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        logging.apply();
        StoreLocation location = db.location();
        if (location.h2File().isPresent()) {
            throw new IllegalArgumentException("a worker shares its database with the server, and the embedded "
                    + "store " + location + " can be open in one process only: give --db jdbc:postgresql://HOST/DB "
                    + "(or use 'parapet server --workers N' alone)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        ParapetWorker worker = ParapetWorker.start(location, threads, System.getenv(), ParapetWorker.DEFAULT_LEASE,
                Duration.ofSeconds(1));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "parapet-worker-shutdown"));
        spec.commandLine().getErr().println("parapet worker running " + threads + " scan" + (threads == 1 ? "" : "s")
                + " at a time from " + location);
        stopped.await();
        return ExitCode.PASSED.code;
    }
}
