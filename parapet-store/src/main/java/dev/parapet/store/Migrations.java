package dev.parapet.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * Brings a database to this Parapet's schema with Flyway, and refuses one that a newer Parapet has already
 * migrated further (this version would not know what its tables mean). The history table is
 * {@value #HISTORY_TABLE} so Parapet can share a database with an application's own Flyway history.
 */
final class Migrations {

    static final String HISTORY_TABLE = "parapet_schema_history";
    static final String LOCATION = "classpath:db/parapet/migration";

    private Migrations() {
    }

    static void apply(DataSource dataSource, StoreLocation location) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .load();
        try {
            Optional<MigrationInfo> newer = Arrays.stream(flyway.info().all())
                    .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS
                            || i.getState() == MigrationState.FUTURE_FAILED)
                    .max(Comparator.comparing(MigrationInfo::getVersion));
            if (newer.isPresent()) {
                throw new StoreException("the scan store " + location + " was written by a newer Parapet (schema "
                        + newer.get().getVersion() + "); upgrade Parapet or point --db elsewhere");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw StoreErrors.opening(location, e);
        }
    }
}
