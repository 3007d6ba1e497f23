package dev.parapet.server;

import java.util.Locale;

/**
 * What a key may do within its tenant: a viewer reads, a member also starts and cancels scans, an admin also
 * reads the server's metrics. Ordered from least to most.
 */
enum Role {
    VIEWER, MEMBER, ADMIN;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** @throws IllegalArgumentException naming the valid roles */
    static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (use admin, member or viewer)");
    }
}
