package dev.parapet.event;

/**
 * Receives scan events. Called from engine threads, possibly concurrently: implementations are thread-safe, fast,
 * and never block on I/O for long. An exception thrown here is logged and swallowed; it never stops a scan.
 */
@FunctionalInterface
public interface ScanListener {
    void on(ScanEvent event);
}
