package dev.parapet.server;

import java.util.Locale;

/** Where a queued scan is. {@link #terminal()} states never change again. */
enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    static JobStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
