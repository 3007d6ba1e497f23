package dev.parapet.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLocationTest {

    @Test
    void flagBeatsEnvironmentWhichBeatsTheEmbeddedDefault() {
        Properties sys = new Properties();
        sys.setProperty("user.home", "/home/u");
        Map<String, String> env = Map.of("PARAPET_DB_URL", "jdbc:postgresql://db:5432/env");
        assertThat(StoreLocation.resolve("jdbc:postgresql://db:5432/flag", env, sys).jdbcUrl()).endsWith("/flag");
        assertThat(StoreLocation.resolve(null, env, sys).jdbcUrl()).endsWith("/env");
        assertThat(StoreLocation.resolve(null, Map.of(), sys).kind()).isEqualTo(StoreLocation.Kind.H2);
        assertThat(StoreLocation.resolve(null, Map.of(), sys).display())
                .isEqualTo(Path.of("/home/u/.parapet/parapet.mv.db").toString());
    }

    @Test
    void homePropertyBeatsTheEnvironmentVariable() {
        Properties sys = new Properties();
        sys.setProperty("parapet.home", "/tmp/from-property");
        assertThat(StoreLocation.home(Map.of("PARAPET_HOME", "/tmp/from-env"), sys)).isEqualTo(Path.of("/tmp/from-property"));
        assertThat(StoreLocation.home(Map.of("PARAPET_HOME", "/tmp/from-env"), new Properties()))
                .isEqualTo(Path.of("/tmp/from-env"));
    }

    @Test
    void passwordsNeverAppearInTheDisplayedLocation() {
        StoreLocation a = StoreLocation.of("jdbc:postgresql://db:5432/p?user=u&password=s3cret&ssl=true", "--db");
        StoreLocation b = StoreLocation.of("jdbc:postgresql://u:s3cret@db:5432/p", "--db");
        assertThat(a.display()).doesNotContain("s3cret").contains("ssl=true");
        assertThat(b.display()).doesNotContain("s3cret").contains("db:5432");
        assertThat(a.toString()).doesNotContain("s3cret");
    }

    @Test
    void otherDatabasesAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> StoreLocation.of("jdbc:mysql://db/p?password=s3cret", "--db"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anH2UrlThatWouldRunSqlOrCodeIsRefusedBeforeAnythingOpens(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path quoted = dir.resolve("first-line.txt");
        java.nio.file.Files.writeString(quoted, "a line that must never be read\n");
        Path file = dir.resolve("db");
        for (String url : List.of("jdbc:h2:file:" + file + ";INIT=RUNSCRIPT FROM '" + quoted + "'",
                "jdbc:h2:mem:x;init=CREATE ALIAS X FOR 'java.lang.Runtime.exec'",
                "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=5;AUTHREALM=evil",
                "jdbc:h2:mem:x;RECOVER=1")) {
            assertThatThrownBy(() -> ScanStore.open(StoreLocation.of(url, "--db"))).as(url)
                    .isInstanceOf(StoreException.class).hasMessageStartingWith("--db: the H2 setting ")
                    .hasMessageContaining("is not accepted").hasMessageNotContaining("\n")
                    .hasMessageNotContaining("must never be read");
        }
        assertThat(java.nio.file.Files.exists(dir.resolve("db.mv.db"))).isFalse();
    }

    @Test
    void anH2UrlWithOnlyAcceptedSettingsOpens(@org.junit.jupiter.api.io.TempDir Path dir) {
        StoreLocation location = StoreLocation.of("jdbc:h2:file:" + dir.resolve("db")
                + ";LOCK_TIMEOUT=2000;db_close_delay=0;TRACE_LEVEL_FILE=0", "--db");
        assertThat(ScanStore.open(location).history(null, 5, 0)).isEmpty();
    }

    @Test
    void aDatabaseThatAcceptsTheConnectionAndNeverAnswersIsReportedInOneLine() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // held open, never written to
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(h -> {
                        try {
                            h.close();
                        } catch (java.io.IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            StoreLocation location = StoreLocation.of("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/parapet?user=u&password=s3cret-pg", "--db");
            assertThatThrownBy(() -> ScanStore.open(location)).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot reach the database ").hasMessageContaining("is it running")
                    .hasMessageNotContaining("\n").hasMessageNotContaining("s3cret-pg");
            silent.close();
            acceptor.join();
        }
    }
}
