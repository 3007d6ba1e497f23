package dev.parapet.cli;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import picocli.CommandLine.Option;

/**
 * {@code --db URL}: which scan store to use. Shared by every command that reads or writes the history. Without it,
 * {@code PARAPET_DB_URL}, then the embedded database in the Parapet home ({@code -Dparapet.home},
 * {@code PARAPET_HOME}, {@code ~/.parapet}).
 */
final class DbOption {

    @Option(names = "--db", paramLabel = "URL",
            description = "Scan store: jdbc:postgresql://HOST:PORT/DB (PostgreSQL or CockroachDB) or a jdbc:h2: URL. "
                    + "Default: PARAPET_DB_URL, else an embedded database in PARAPET_HOME (~/.parapet).")
    String url;

    StoreLocation location() {
        return StoreLocation.resolve(url, System.getenv(), System.getProperties());
    }

    ScanStore open() {
        return ScanStore.open(location());
    }
}
