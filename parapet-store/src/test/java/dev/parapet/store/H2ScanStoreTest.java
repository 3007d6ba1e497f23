package dev.parapet.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store on the embedded H2 file database, the default for a single user. */
class H2ScanStoreTest extends ScanStoreContract {

    @TempDir
    Path home;

    @Override
    ScanStore store() {
        return ScanStore.open(StoreLocation.embedded(home));
    }

    @Test
    void scansSurviveClosingAndReopeningTheDatabase() {
        StoreLocation location = StoreLocation.of("jdbc:h2:file:" + home.resolve("store/parapet"), "--db");
        ScanStore.open(location).save(StoreFixtures.vulnerable("aaaa00000002", T0));
        ScanStore.open(location).save(StoreFixtures.remediated("aaaa00000003", T0.plusSeconds(1)));
        assertThat(ScanStore.open(location).history(null, 10, 0)).extracting(StoredScan::id)
                .containsExactly("aaaa00000003", "aaaa00000002");
    }

    @Test
    void defaultLocationIsAFileInTheParapetHome() {
        Properties system = new Properties();
        system.setProperty("parapet.home", home.toString());
        StoreLocation location = StoreLocation.resolve(null, Map.of(), system);
        ScanStore.open(location).save(StoreFixtures.vulnerable("aaaa00000001", T0));
        assertThat(home.resolve("parapet.mv.db")).isRegularFile();
        assertThat(home.resolve("parapet.trace.db")).doesNotExist();
    }

    @Test
    void databaseFromANewerParapetIsRefusedWithTheSchemaItHas() {
        StoreLocation location = StoreLocation.embedded(home);
        ScanStore.open(location);
        Jdbi.create(location.jdbcUrl()).useHandle(h -> h.execute("INSERT INTO \"parapet_schema_history\" "
                + "(\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                + "\"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (99, '99', 'from a newer Parapet', 'SQL', 'V99__future.sql', 0, 'test', 1, TRUE)"));
        assertThatThrownBy(() -> ScanStore.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Parapet (schema 99)")
                .hasMessageContaining("upgrade Parapet or point --db elsewhere");
    }

    @Test
    void corruptedFileGivesOneLineThatSaysWhatToDo() throws Exception {
        Files.write(home.resolve("parapet.mv.db"), "this is not an H2 database file\n".repeat(200).getBytes());
        assertThatThrownBy(() -> ScanStore.open(StoreLocation.embedded(home))).isInstanceOf(StoreException.class)
                .hasMessageContaining("unreadable").hasMessageContaining("move it aside")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unwritableHomeIsReportedWithTheFix() throws Exception {
        Path file = home.resolve("not-a-directory");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> ScanStore.open(StoreLocation.embedded(file.resolve("sub"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("PARAPET_HOME");
    }
}
