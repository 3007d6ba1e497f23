package dev.parapet.store;

import java.sql.SQLException;

/** Turns driver exceptions into one-line {@link StoreException}s that say what to do. Stateless. */
final class StoreErrors {

    /** H2: the file is damaged or not an H2 file, or was written by an incompatible H2 version. */
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2 reports a data file it cannot parse as a plain I/O error. */
    private static final int H2_IO_EXCEPTION = 90028;

    private StoreErrors() {
    }

    /** True when another process holds the embedded database open (worth a short retry). */
    static boolean inUse(Throwable t) {
        SQLException e = sqlCause(t);
        return e != null && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN;
    }

    /** The error for a failure to open or prepare the database at {@code location}. */
    static StoreException opening(StoreLocation location, Throwable t) {
        SQLException e = sqlCause(t);
        String detail = firstLine(e != null ? e.getMessage() : t.getMessage());
        if (location.kind() == StoreLocation.Kind.H2) {
            if (e != null && (e.getErrorCode() == H2_FILE_CORRUPTED || e.getErrorCode() == H2_FILE_VERSION_ERROR)
                    || mentionsCorruption(t) || e != null && e.getErrorCode() == H2_IO_EXCEPTION
                    && location.h2File().filter(java.nio.file.Files::isRegularFile).isPresent()) {
                return new StoreException("the scan store " + location + " is unreadable (corrupted, or not a "
                        + "Parapet database): move it aside to start a new history, or point --db elsewhere", t);
            }
            if (e != null && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new StoreException("the scan store " + location + " is in use by another process; try again "
                        + "when it has finished, or use a shared PostgreSQL database with --db", t);
            }
            return new StoreException("cannot open the scan store " + location + ": " + detail
                    + " (check that the directory is writable, or set PARAPET_HOME or --db)", t);
        }
        String state = e == null || e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new StoreException("cannot reach the database " + location + ": " + detail
                    + " (is it running? check --db or PARAPET_DB_URL)", t);
        }
        if (state.startsWith("28")) {
            return new StoreException("the database " + location + " refused the login: " + detail
                    + " (check the user and password in --db or PARAPET_DB_URL)", t);
        }
        if (state.equals("3D000")) {
            return new StoreException("the database " + location + " does not exist: " + detail
                    + " (create it first, e.g. CREATE DATABASE parapet)", t);
        }
        return new StoreException("cannot use the database " + location + ": " + detail, t);
    }

    /** The error for a failed read or write on an open store. */
    static StoreException operation(String what, StoreLocation location, Throwable t) {
        SQLException e = sqlCause(t);
        if (e != null && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return opening(location, t);
        }
        return new StoreException("cannot " + what + " in " + location + ": "
                + firstLine(e != null ? e.getMessage() : t.getMessage()), t);
    }

    static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static boolean mentionsCorruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("corrupt") || m.contains("File header") || m.contains("not a H2"))) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("");
        line = StoreLocation.withoutSecrets(line);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
