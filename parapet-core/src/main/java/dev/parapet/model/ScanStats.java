package dev.parapet.model;

/**
 * Request accounting for a scan. {@code requestsSent}: HTTP requests that left Parapet, redirects and retries
 * included. {@code probesShared}: probes answered from another identical probe instead of a new request.
 * {@code throttled}: 429 answers that were honoured. {@code refusedOutOfScope}: probes never sent because their URL
 * lay outside scope.
 */
public record ScanStats(long requestsSent, long probesShared, long throttled, long refusedOutOfScope,
                        long transportErrors, long endpointsDiscovered) {
}
