package dev.parapet.server;

import dev.parapet.store.StoreLocation;

import java.time.Duration;
import java.util.Map;

/**
 * A worker in a process of its own, as {@code parapet worker} runs it, for the multi-process test: arguments are
 * the JDBC URL, the scan threads and the lease in milliseconds. Runs until its standard input closes (or it is
 * killed).
 */
public final class WorkerProcessMain {

    private WorkerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ParapetWorker worker = ParapetWorker.start(StoreLocation.of(args[0], "--db"), Integer.parseInt(args[1]),
                Map.of("PARAPET_RATE", "500"), Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(100))) {
            System.out.println("worker ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes the pipe
            }
        }
    }
}
