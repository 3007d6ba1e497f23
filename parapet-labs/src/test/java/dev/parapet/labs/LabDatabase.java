package dev.parapet.labs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A throw-away PostgreSQL on 127.0.0.1 (zonky's embedded binaries from Maven Central) with a database {@code lab}
 * owned by a password-protected role {@code lab}: host connections of that role must present the password
 * (scram-sha-256), so the {@link #databaseUrl()} the lab gets carries a real credential.
 *
 * <p>Binaries are unpacked once under the work directory and reused; the data directory is new for every start and
 * deleted on {@link #close()}. PostgreSQL refuses to run as root; zonky then starts it through {@code unshare -U}
 * (CI runs as root), which needs unprivileged user namespaces. Server output goes to {@code postgres.log} in the
 * work directory. Not thread-safe.
 */
final class LabDatabase implements AutoCloseable {

    static final String USER = "lab";
    static final String DATABASE = "lab";

    private final EmbeddedPostgres postgres;
    private final String password;

    private LabDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts PostgreSQL with its binaries cached under {@code workRoot} and its data in a fresh directory there. */
    static LabDatabase start(Path workRoot) throws IOException, SQLException {
        Files.createDirectories(workRoot);
        Files.setPosixFilePermissions(workRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createTempDirectory(workRoot, "data-");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workRoot.toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", data.toString())
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workRoot.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workRoot.resolve("postgres.log").toFile()));
        EmbeddedPostgres postgres = builder.start();
        String password = randomPassword();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + USER + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
        return new LabDatabase(postgres, password);
    }

    /** {@code postgres://lab:<password>@127.0.0.1:<port>/lab}. */
    String databaseUrl() {
        return "postgres://" + USER + ":" + password + "@127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return "lab-" + HexFormat.of().formatHex(b);
    }
}
