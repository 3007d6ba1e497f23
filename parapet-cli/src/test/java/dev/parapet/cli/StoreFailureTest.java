package dev.parapet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that cannot be written costs one warning line, never the report or the gate's exit code. */
class StoreFailureTest {

    @TempDir
    Path dir;

    @Test
    void unreachableDatabaseKeepsTheReportFileAndTheGateExitCode() throws Exception {
        Path json = dir.resolve("demo.json");
        CliRun run = CliRun.of("demo", "--db", "jdbc:postgresql://127.0.0.1:" + closedPort()
                + "/parapet?user=p&password=s3cret", "-o", json.toString(), "--color", "never");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Grade").contains("FAILED");
        assertThat(json).isRegularFile();
        assertThat(run.err()).contains("warning: the scan was not stored: cannot reach the database")
                .doesNotContain("s3cret").doesNotContain("at org.").doesNotContain("Exception");
        assertThat(run.err().lines().filter(l -> l.contains("not stored"))).hasSize(1);
    }

    @Test
    void corruptedEmbeddedDatabaseKeepsTheReportAndThePassingExitCode() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.write(home.resolve("parapet.mv.db"), "garbage, not a database\n".repeat(100).getBytes());
        CliRun run = CliRun.of("demo", "--fixed", "--db", "jdbc:h2:file:" + home.resolve("parapet"),
                "-o", dir.resolve("fixed.json").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("PASSED");
        assertThat(run.err()).contains("not stored").contains("unreadable").contains("move it aside");
    }

    @Test
    void historyOnACorruptedDatabaseIsAUsageErrorWithOneLine() throws Exception {
        Files.write(dir.resolve("parapet.mv.db"), "garbage, not a database\n".repeat(100).getBytes());
        CliRun run = CliRun.of("history", "--db", "jdbc:h2:file:" + dir.resolve("parapet"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("unreadable");
    }

    @Test
    void foreignDatabaseUrlIsRefusedBeforeScanning() {
        CliRun run = CliRun.of("history", "--db", "jdbc:mysql://127.0.0.1/parapet");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("jdbc:postgresql://");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
