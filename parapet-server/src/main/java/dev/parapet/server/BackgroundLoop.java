package dev.parapet.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One daemon thread that runs a step every {@code poll} until closed; a step that fails (the database briefly
 * unreachable) is logged and tried again at the next poll rather than ending the loop.
 */
final class BackgroundLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

    /** One round of work; it should return promptly once the loop is {@link #stopping()}. */
    @FunctionalInterface
    interface Step {
        void run() throws InterruptedException;
    }

    private final Thread thread;
    private final Duration poll;
    private final Step step;
    private volatile boolean stopping;

    BackgroundLoop(String name, Duration poll, Step step) {
        this.poll = poll;
        this.step = step;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    BackgroundLoop start() {
        thread.start();
        return this;
    }

    boolean stopping() {
        return stopping;
    }

    private void loop() {
        while (!stopping) {
            try {
                step.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", thread.getName(), e.toString());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
