package dev.parapet.engine;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The scan's stop signal and deadline, shared by every component of one scan. The first stop reason wins.
 * Thread-safe.
 */
public final class ScanControl {

    private final Instant deadline;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();

    public ScanControl(Instant deadline) {
        this.deadline = deadline;
    }

    public void stop(String reason) {
        stopped.complete(reason);
    }

    /** Whether {@link #stop(String)} was called (by a user, the host-error budget or the engine's deadline). */
    public boolean stopRequested() {
        return stopped.isDone();
    }

    public boolean isStopping() {
        return stopped.isDone() || Instant.now().isAfter(deadline);
    }

    /** Why the scan is stopping, or an empty string when it is not. */
    public String reason() {
        if (stopped.isDone()) {
            return stopped.getNow("");
        }
        return Instant.now().isAfter(deadline) ? "time budget exhausted" : "";
    }

    public Instant deadline() {
        return deadline;
    }

    CompletableFuture<String> stoppedSignal() {
        return stopped;
    }
}
