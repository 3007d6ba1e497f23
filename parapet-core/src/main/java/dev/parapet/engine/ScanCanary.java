package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.spi.Canary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * One scan's canary, started the first time a check asks for it (scans whose checks never need it open no port)
 * and stopped by {@link #close()} when the scan ends. When the plan allows no canary, or binding fails (the
 * {@code --oob-url} port is taken, for example), checks get an empty Optional and fall back to content signatures;
 * a failed bind is logged once and not retried. Thread-safe.
 */
final class ScanCanary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanCanary.class);

    private final Optional<CanaryPlan> plan;
    private CanaryListener listener;
    private boolean tried;
    private boolean closed;

    ScanCanary(ScanConfig config) {
        this.plan = CanaryPlan.of(config);
    }

    /** The running canary, started now if this is the first request; empty when there is none for this scan. */
    synchronized Optional<Canary> get() {
        if (closed || plan.isEmpty()) {
            return Optional.empty();
        }
        if (!tried) {
            tried = true;
            try {
                listener = CanaryListener.start(plan.get());
                LOG.info("out-of-band canary listening on {}", listener.address());
            } catch (IOException | RuntimeException e) {
                LOG.warn("out-of-band canary could not listen on {}:{} ({}); checks fall back to content signatures",
                        plan.get().bindAddress().getHostAddress(), plan.get().port(), e.toString());
            }
        }
        return Optional.ofNullable(listener);
    }

    /** Whether this scan may have a canary at all (before any check asked for it). */
    boolean planned() {
        return plan.isPresent();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (listener != null) {
            listener.close();
        }
    }
}
