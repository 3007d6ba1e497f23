package dev.parapet.event;

import dev.parapet.model.AuthSummary;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Everything an output can learn about a running scan. The engine publishes these in order for one scan; events
 * of checks running in parallel interleave. Findings in events are already redacted.
 */
public sealed interface ScanEvent {

    String scanId();

    record ScanStarted(String scanId, URI target, int checks, Instant at) implements ScanEvent {
    }

    record DiscoveryCompleted(String scanId, int endpoints, List<URI> apiDocuments) implements ScanEvent {
        public DiscoveryCompleted {
            apiDocuments = List.copyOf(apiDocuments);
        }
    }

    /**
     * The auth-validity probe's verdict, published after discovery and before any check runs, only when credentials
     * were supplied: an adapter can warn at once that they were rejected. {@code auth.detail()} carries no secret.
     */
    record AuthChecked(String scanId, AuthSummary auth) implements ScanEvent {
    }

    record CheckStarted(String scanId, String checkId) implements ScanEvent {
    }

    record CheckCompleted(String scanId, CheckRun run) implements ScanEvent {
    }

    record FindingReported(String scanId, Finding finding) implements ScanEvent {
    }

    /** Published after every request that left Parapet; {@code total} counts the scan's requests so far. */
    record RequestSent(String scanId, long total) implements ScanEvent {
    }

    /** The scan is stopping early; checks still running are being interrupted. */
    record ScanStopping(String scanId, String reason) implements ScanEvent {
    }

    record ScanCompleted(String scanId, ScanReport report) implements ScanEvent {
    }
}
