package dev.parapet.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
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

    /**
     * The highest migration version shipped in {@code db/parapet/migration}; a test keeps it in step with the files.
     * A database already at it needs no Flyway run, which keeps a command's start fast.
     */
    static final int LATEST = 30;

    static void apply(DataSource dataSource, StoreLocation location) {
        OptionalInt applied = appliedVersion(dataSource);
        if (applied.isPresent() && applied.getAsInt() > LATEST) {
            throw newer(location, String.valueOf(applied.getAsInt()));
        }
        if (applied.isPresent() && applied.getAsInt() == LATEST) {
            return;
        }
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
                throw newer(location, newer.get().getVersion().toString());
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw StoreErrors.opening(location, e);
        }
    }

    private static StoreException newer(StoreLocation location, String version) {
        return new StoreException("the scan store " + location + " was written by a newer Parapet (schema "
                + version + "); upgrade Parapet or point --db elsewhere");
    }

    /**
     * The highest successfully applied whole-number version, or empty when there is no history table yet (or it
     * cannot be read: Flyway then decides). Connection failures propagate, so they are reported once, clearly.
     */
    private static OptionalInt appliedVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"" + HISTORY_TABLE
                         + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
                OptionalInt max = OptionalInt.empty();
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (!v.matches("\\d{1,9}")) {
                        return OptionalInt.empty();
                    }
                    int n = Integer.parseInt(v);
                    max = max.isEmpty() || n > max.getAsInt() ? OptionalInt.of(n) : max;
                }
                return max;
            } catch (SQLException noHistoryYet) {
                return OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    /** A connection failure seen before Flyway ran; {@link StoreErrors} reads the SQL state from its cause. */
    static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
