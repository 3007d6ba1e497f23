package dev.parapet.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The history commands against a real PostgreSQL through {@code --db}, as a team would run them. */
class PostgresStoreCliTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

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

    @Test
    void twoDemoScansStoredInPostgresShowTheResolvedFindingsAndTheScoreChange() {
        String db = postgres.getJdbcUrl("postgres", "postgres");
        CliRun vulnerable = CliRun.of("demo", "--db", db, "-o", dir.resolve("v.json").toString());
        assertThat(vulnerable.exitCode()).as(vulnerable.err()).isEqualTo(1);
        CliRun fixed = CliRun.of("demo", "--fixed", "--db", db, "-o", dir.resolve("f.json").toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        String from = StoreCommandsTest.storedId(vulnerable);
        String to = StoreCommandsTest.storedId(fixed);

        CliRun history = CliRun.of("history", "--db", db);
        assertThat(history.out().lines().skip(1).map(l -> l.substring(0, 12))).containsExactly(to, from);

        CliRun diff = CliRun.of("diff", from, to, "--db", db);
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).containsPattern("Score +\\d+ -> \\d+  \\(\\+\\d+\\)")
                .containsPattern("[1-9]\\d* resolved").containsPattern("Grade   [B-F] -> A");
    }
}
