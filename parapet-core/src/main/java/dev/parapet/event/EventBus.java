package dev.parapet.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fans events out to listeners, isolating the scan from listener failures. Thread-safe. */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();

    public EventBus(List<ScanListener> initial) {
        listeners.addAll(initial);
    }

    public void publish(ScanEvent event) {
        for (ScanListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                LOG.warn("a scan listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
