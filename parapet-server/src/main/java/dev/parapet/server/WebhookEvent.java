package dev.parapet.server;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can subscribe to; {@link #id} is the {@code type} of the message. */
enum WebhookEvent {
    /** A scan ended with a report. */
    SCAN_COMPLETED("scan.completed"),
    /** A scan ended without one (refused target, unreachable, out of worker attempts). */
    SCAN_FAILED("scan.failed"),
    /** A completed scan scored lower than the tenant's previous completed scan of the same target. */
    GRADE_DROPPED("grade.dropped");

    private final String id;

    WebhookEvent(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Optional<WebhookEvent> of(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(WebhookEvent::id).toList());
    }
}
