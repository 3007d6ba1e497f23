package dev.parapet.checks.inputvalidation;

import java.util.Locale;

/**
 * Database engines {@link SqlIdentifierInjectionCheck} and {@link SqlValueInjectionCheck} can name from error texts,
 * version banners and the system catalogs that answer. {@link #tag()} is the finding tag ({@code db:postgresql},
 * {@code db:cockroachdb}, {@code db:mysql}, {@code db:sqlite}, {@code db:mssql}, {@code db:oracle}, {@code db:h2}…).
 * PostgreSQL and CockroachDB share error texts and {@code pg_catalog}; only {@code crdb_internal} or a CockroachDB
 * banner tells them apart.
 */
enum DatabaseEngine {
    POSTGRESQL("PostgreSQL"),
    COCKROACHDB("CockroachDB"),
    MYSQL("MySQL/MariaDB"),
    SQLITE("SQLite"),
    MSSQL("Microsoft SQL Server"),
    ORACLE("Oracle"),
    H2("H2"),
    HSQLDB("HSQLDB"),
    DERBY("Apache Derby"),
    DB2("IBM Db2");

    private final String displayName;

    DatabaseEngine(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    String tag() {
        return "db:" + name().toLowerCase(Locale.ROOT);
    }

    /** Whether this engine speaks PostgreSQL's dialect (same error texts, same {@code pg_catalog}). */
    boolean postgresFamily() {
        return this == POSTGRESQL || this == COCKROACHDB;
    }
}
