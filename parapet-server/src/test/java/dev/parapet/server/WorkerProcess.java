package dev.parapet.server;

import dev.parapet.store.StoreLocation;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code parapet worker} in a child {@code java} process started from the test classpath, so a test can kill it
 * outright ({@link Process#destroyForcibly()} is SIGKILL on Linux). The child ends by itself when its standard input
 * closes, so it never outlives the test process.
 */
final class WorkerProcess implements AutoCloseable {

    private final Process process;

    private WorkerProcess(Process process) {
        this.process = process;
    }

    /** Starts one single-threaded worker on {@code db}, leasing jobs for {@code lease}; its output goes to {@code log}. */
    static WorkerProcess start(StoreLocation db, Duration lease, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Xmx256m"));
        String hosts = System.getProperty("jdk.net.hosts.file");
        if (hosts != null) {
            command.add("-Djdk.net.hosts.file=" + hosts);
        }
        command.addAll(List.of("-cp", classpath, WorkerProcess.class.getName(), db.jdbcUrl(),
                String.valueOf(lease.toMillis())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        return new WorkerProcess(p);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, the lease is left to expire. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /** The child: {@code <jdbc url> <lease millis>}. */
    public static void main(String[] args) throws IOException {
        ParapetWorker worker = ParapetWorker.start(StoreLocation.of(args[0], "--db"), 1, ApiServerTest.FAST,
                Duration.ofMillis(Long.parseLong(args[1])), Duration.ofMillis(100));
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        while (System.in.read() != -1) {
            // the parent never writes; end of input means it has gone
        }
        System.exit(0);
    }
}
