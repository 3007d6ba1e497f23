package dev.parapet.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which database holds the scan history. {@code jdbcUrl} may carry credentials and is never printed;
 * {@code display} is the same location with any password removed, safe for messages.
 *
 * <p>Resolution order: {@code --db URL}, then {@code PARAPET_DB_URL}, then an embedded H2 file database in the
 * Parapet home directory. The home is the system property {@code parapet.home} (read first so tests and embedders
 * can point it elsewhere without touching the environment), then {@code PARAPET_HOME}, then {@code ~/.parapet}.
 */
public record StoreLocation(String jdbcUrl, Kind kind, String display) {

    /** The database families the store speaks. CockroachDB is reached as {@link #POSTGRESQL} (same wire protocol). */
    public enum Kind { H2, POSTGRESQL }

    /** The name of the embedded database's files in the home directory ({@code parapet.mv.db}). */
    public static final String H2_FILE_NAME = "parapet";

    /**
     * Resolves the location from a {@code --db} value (null when not given), the environment and the system
     * properties.
     *
     * @throws StoreException when the URL names a database Parapet cannot use
     */
    public static StoreLocation resolve(String dbFlag, Map<String, String> env, Properties system) {
        if (dbFlag != null && !dbFlag.isBlank()) {
            return of(dbFlag.strip(), "--db");
        }
        String fromEnv = env.get("PARAPET_DB_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return of(fromEnv.strip(), "PARAPET_DB_URL");
        }
        return embedded(home(env, system));
    }

    /** The Parapet home directory (see the class comment for the order). */
    public static Path home(Map<String, String> env, Properties system) {
        String property = system.getProperty("parapet.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get("PARAPET_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(system.getProperty("user.home", "."), ".parapet");
    }

    /** The embedded H2 database in {@code home}. */
    public static StoreLocation embedded(Path home) {
        Path file = home.toAbsolutePath().resolve(H2_FILE_NAME);
        return new StoreLocation(withH2Settings("jdbc:h2:file:" + file), Kind.H2, file + ".mv.db");
    }

    /** Parses a JDBC URL given by the user; {@code source} names where it came from for the error message. */
    public static StoreLocation of(String url, String source) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new StoreLocation(url, Kind.POSTGRESQL, withoutSecrets(url));
        }
        if (lower.startsWith("jdbc:h2:")) {
            refuseUnsafeH2Settings(url, source);
            return new StoreLocation(withH2Settings(url), Kind.H2, withoutSecrets(url));
        }
        throw new StoreException(source + " must be a jdbc:postgresql://HOST:PORT/DATABASE URL (PostgreSQL or "
                + "CockroachDB) or a jdbc:h2: URL, not '" + withoutSecrets(url) + "'");
    }

    /**
     * The H2 URL settings a {@code --db} URL may carry: where and how the file is opened, locking, tracing, the
     * credentials. Anything else is refused, above all {@code INIT} (SQL run on every connection, which can
     * {@code RUNSCRIPT} a file or {@code CREATE ALIAS} Java code), and settings that hand H2 other code or other
     * files ({@code AUTHREALM}, {@code JMX}, {@code RECOVER}…): a database URL must never run anything.
     */
    static final java.util.Set<String> H2_SETTINGS = java.util.Set.of("USER", "PASSWORD", "CIPHER", "IFEXISTS",
            "LOCK_TIMEOUT", "MAX_COMPACT_TIME", "TRACE_LEVEL_FILE", "TRACE_LEVEL_SYSTEM_OUT", "DB_CLOSE_DELAY",
            "DB_CLOSE_ON_EXIT", "AUTO_SERVER", "AUTO_SERVER_PORT", "AUTO_RECONNECT", "CACHE_SIZE", "WRITE_DELAY",
            "COMPRESS", "FILE_LOCK", "RETENTION_TIME", "ACCESS_MODE_DATA");

    /** Refuses an H2 URL with a setting outside {@link #H2_SETTINGS}, in one line naming it. */
    private static void refuseUnsafeH2Settings(String url, String source) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (!H2_SETTINGS.contains(key)) {
                throw new StoreException(source + ": the H2 setting " + (key.length() > 40 ? key.substring(0, 40)
                        + "…" : key) + " is not accepted in a Parapet database URL (a database URL must never run "
                        + "SQL or code); remove it, or use one of " + String.join(", ", new java.util.TreeSet<>(
                        H2_SETTINGS)));
            }
        }
    }

    /**
     * Adds the settings the store relies on to an H2 URL unless it sets them itself: a lock timeout long enough for
     * several scans saving at once, no file compaction on close ({@code MAX_COMPACT_TIME=0}: H2 2.3's chunk
     * mover trips its own assertions there, and a scan history gains little from a smaller file), and no
     * {@code .trace.db} file beside the database (errors reach the user as {@link StoreException}s instead).
     */
    static String withH2Settings(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(url);
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            sb.append(";LOCK_TIMEOUT=10000");
        }
        if (!upper.contains(";MAX_COMPACT_TIME=")) {
            sb.append(";MAX_COMPACT_TIME=0");
        }
        if (!upper.contains(";TRACE_LEVEL_FILE=")) {
            sb.append(";TRACE_LEVEL_FILE=0");
        }
        return sb.toString();
    }

    /** The URL without user-info passwords or password parameters, for messages. */
    static String withoutSecrets(String url) {
        String cleaned = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return cleaned.replaceAll("(//[^/@:]+):[^/@]*@", "$1:***@");
    }

    /** The embedded database's data file, for a {@code jdbc:h2:file:} (or plain path) H2 URL. */
    public java.util.Optional<Path> h2File() {
        if (kind != Kind.H2) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length()).split(";")[0];
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return java.util.Optional.empty();
        }
        rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        return java.util.Optional.of(Path.of(rest + ".mv.db").toAbsolutePath());
    }

    @Override
    public String toString() {
        return display;
    }
}
