package dev.parapet.mcp;

import dev.parapet.event.ScanEvent;
import dev.parapet.event.ScanListener;

/**
 * Turns a scan's {@link ScanEvent} stream into progress steps for a client that asked for them: one step when
 * discovery ends and one per completed check, out of {@code checks + 1}, each with a short message. The steps only
 * grow, as MCP requires of progress values. Thread-safe: checks complete on many threads.
 */
final class ScanProgress implements ScanListener {

    /** Where progress goes (an MCP progress notification, in the server); must not throw. */
    @FunctionalInterface
    interface Sink {
        void progress(double done, double total, String message);

        Sink NONE = (done, total, message) -> {
        };
    }

    private final Sink sink;
    private int total = 1;
    private int done;

    ScanProgress(Sink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void on(ScanEvent event) {
        switch (event) {
            case ScanEvent.ScanStarted s -> {
                total = s.checks() + 1;
                sink.progress(0, total, "scanning " + s.target() + " with " + s.checks() + " checks");
            }
            case ScanEvent.DiscoveryCompleted d -> step("discovery found " + d.endpoints() + " endpoints");
            case ScanEvent.CheckCompleted c -> step(c.run().checkId() + " " + c.run().status().name()
                    .toLowerCase(java.util.Locale.ROOT));
            case ScanEvent.ScanStopping s -> sink.progress(done, total, "stopping: " + s.reason());
            default -> {
            }
        }
    }

    private void step(String message) {
        done = Math.min(done + 1, total);
        sink.progress(done, total, message + " (" + done + "/" + total + ")");
    }
}
