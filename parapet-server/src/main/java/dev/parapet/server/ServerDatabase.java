package dev.parapet.server;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;

import java.util.Locale;

/** Opens the store a server or worker shares: the scan history plus the server's tables (same migrations). */
final class ServerDatabase {

    private ServerDatabase() {
    }

    /**
     * Opens {@code location}, bringing its schema up to date. An embedded H2 database is kept open for the life of
     * the process ({@code DB_CLOSE_DELAY=-1}): the server and its workers use it continuously, and reopening the
     * file for every short transaction would cost more than the transaction.
     */
    static ScanStore open(StoreLocation location) {
        StoreLocation kept = location;
        if (location.kind() == StoreLocation.Kind.H2
                && !location.jdbcUrl().toUpperCase(Locale.ROOT).contains(";DB_CLOSE_DELAY=")) {
            kept = new StoreLocation(location.jdbcUrl() + ";DB_CLOSE_DELAY=-1", location.kind(), location.display());
        }
        return ScanStore.open(kept);
    }
}
