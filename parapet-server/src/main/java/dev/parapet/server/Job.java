package dev.parapet.server;

import java.time.Instant;

/**
 * One queued scan as the API shows it. {@code scanId}, {@code score}, {@code grade} are set once it completed;
 * {@code error} once it failed. Immutable.
 */
record Job(String id, String tenantId, JobStatus status, String target, ScanRequest request, Instant createdAt,
           Instant startedAt, Instant finishedAt, int attempts, String scanId, Integer score, String grade,
           String error) {
}
