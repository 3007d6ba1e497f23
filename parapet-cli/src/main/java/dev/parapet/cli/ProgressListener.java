package dev.parapet.cli;

import dev.parapet.event.ScanEvent;
import dev.parapet.event.ScanListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * A progress bar on stderr: checks done out of checks selected, and requests sent so far. Only created on an
 * interactive terminal. Thread-safe: events arrive from engine threads.
 */
final class ProgressListener implements ScanListener, AutoCloseable {

    private final PrintStream stream;
    private ProgressBar bar;
    private long lastRequests;

    ProgressListener(PrintStream stream) {
        this.stream = stream;
    }

    @Override
    public synchronized void on(ScanEvent event) {
        switch (event) {
            case ScanEvent.ScanStarted s -> bar = new ProgressBarBuilder().setTaskName("Scanning")
                    .setInitialMax(s.checks()).setUnit(" checks", 1).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(stream)).setUpdateIntervalMillis(200)
                    .hideEta().build();
            case ScanEvent.DiscoveryCompleted d -> extra(d.endpoints() + " endpoints");
            case ScanEvent.CheckCompleted c -> {
                if (bar != null) {
                    bar.step();
                }
            }
            case ScanEvent.RequestSent r -> {
                if (r.total() - lastRequests >= 5) {
                    lastRequests = r.total();
                    extra(r.total() + " requests");
                }
            }
            case ScanEvent.ScanCompleted c -> close();
            default -> {
            }
        }
    }

    private void extra(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
