package dev.parapet.engine;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The scan's stop signal and deadline, shared by every component of one scan. The first stop (cause and reason)
 * wins. Thread-safe.
 */
public final class ScanControl {

    /** Who or what stopped a scan: the verdict tells a user's stop from the time budget or a target that died. */
    public enum StopCause {
        /** A user or a client asked (Ctrl-C, an MCP cancel). */
        USER,
        /** The scan's time budget ran out. */
        TIME_BUDGET,
        /** The host-error budget ran out: the target stopped answering. */
        TARGET_DOWN
    }

    private record Stop(StopCause cause, String reason) {
    }

    private final Instant deadline;
    private final CompletableFuture<Stop> stopped = new CompletableFuture<>();

    public ScanControl(Instant deadline) {
        this.deadline = deadline;
    }

    /** A stop asked for by a user or a client. */
    public void stop(String reason) {
        stop(StopCause.USER, reason);
    }

    public void stop(StopCause cause, String reason) {
        stopped.complete(new Stop(cause, reason));
    }

    /** Whether {@link #stop} was called (by a user, the host-error budget or the engine's deadline). */
    public boolean stopRequested() {
        return stopped.isDone();
    }

    public boolean isStopping() {
        return stopped.isDone() || Instant.now().isAfter(deadline);
    }

    /** Why the scan is stopping, or an empty string when it is not. */
    public String reason() {
        if (stopped.isDone()) {
            return stopped.getNow(null).reason();
        }
        return Instant.now().isAfter(deadline) ? "time budget exhausted" : "";
    }

    /** What stopped the scan; the deadline passing counts as {@link StopCause#TIME_BUDGET}. Empty when running. */
    public java.util.Optional<StopCause> cause() {
        if (stopped.isDone()) {
            return java.util.Optional.of(stopped.getNow(null).cause());
        }
        return Instant.now().isAfter(deadline) ? java.util.Optional.of(StopCause.TIME_BUDGET)
                : java.util.Optional.empty();
    }

    public Instant deadline() {
        return deadline;
    }

    CompletableFuture<?> stoppedSignal() {
        return stopped;
    }
}
