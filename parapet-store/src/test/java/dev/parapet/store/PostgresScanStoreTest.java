package dev.parapet.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store on a real PostgreSQL (embedded binaries, on 127.0.0.1, started once for the class). Each test gets a
 * database of its own, so the contract's "empty store" holds.
 */
class PostgresScanStoreTest extends ScanStoreContract {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    ScanStore store() {
        return ScanStore.open(StoreLocation.of(freshDatabase(), "--db"));
    }

    private static String freshDatabase() {
        String name = "parapet_" + DATABASES.incrementAndGet();
        Jdbi.create(postgres.getPostgresDatabase()).useHandle(h -> h.execute("CREATE DATABASE " + name));
        return postgres.getJdbcUrl("postgres", name);
    }

    @Test
    void databaseFromANewerParapetIsRefusedWithTheSchemaItHas() {
        StoreLocation location = StoreLocation.of(freshDatabase(), "--db");
        ScanStore.open(location);
        Jdbi.create(location.jdbcUrl()).useHandle(h -> h.execute("INSERT INTO parapet_schema_history "
                + "(installed_rank, version, description, type, script, checksum, installed_by, execution_time, "
                + "success) VALUES (99, '99', 'from a newer Parapet', 'SQL', 'V99__future.sql', 0, 'test', 1, TRUE)"));
        assertThatThrownBy(() -> ScanStore.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Parapet (schema 99)");
    }

    @Test
    void unreachableServerSaysSoInOneLineWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        StoreLocation location = StoreLocation.of("jdbc:postgresql://127.0.0.1:" + closedPort
                + "/parapet?user=scanner&password=s3cret", "--db");
        assertThatThrownBy(() -> ScanStore.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach the database").hasMessageContaining("--db")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("\n"));
    }

    @Test
    void missingDatabaseSaysToCreateIt() {
        String url = postgres.getJdbcUrl("postgres", "no_such_db");
        assertThatThrownBy(() -> ScanStore.open(StoreLocation.of(url, "--db"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
    }
}
