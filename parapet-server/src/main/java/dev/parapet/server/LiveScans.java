package dev.parapet.server;

import dev.parapet.event.ScanEvent;
import dev.parapet.event.ScanListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event streams of the scans running in this process, by job id, for the server's live view. A listener
 * subscribed to a job receives every event of it from then on, until the scan ends. Thread-safe.
 */
final class LiveScans {

    private final Map<String, List<ScanListener>> subscribers = new ConcurrentHashMap<>();

    /** The listener a worker attaches to the scan of {@code jobId}. */
    ScanListener publisher(String jobId) {
        subscribers.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>());
        return event -> {
            List<ScanListener> listeners = subscribers.get(jobId);
            if (listeners != null) {
                listeners.forEach(l -> l.on(event));
            }
        };
    }

    /** Subscribes to a scan running here; false when it does not run in this process. */
    boolean subscribe(String jobId, ScanListener listener) {
        List<ScanListener> listeners = subscribers.get(jobId);
        if (listeners == null) {
            return false;
        }
        listeners.add(listener);
        return true;
    }

    void unsubscribe(String jobId, ScanListener listener) {
        List<ScanListener> listeners = subscribers.get(jobId);
        if (listeners != null) {
            listeners.remove(listener);
        }
    }

    /** The scan of {@code jobId} ended here: tells subscribers with {@code last} and forgets them. */
    void ended(String jobId, ScanEvent last) {
        List<ScanListener> listeners = subscribers.remove(jobId);
        if (listeners != null && last != null) {
            listeners.forEach(l -> l.on(last));
        }
    }
}
