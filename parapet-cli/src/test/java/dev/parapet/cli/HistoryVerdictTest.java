package dev.parapet.cli;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.testkit.fixtures.UngradableTargetFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet history} shows a scan that could not be graded as such, with its reason and no grade. */
class HistoryVerdictTest {

    @TempDir
    Path dir;

    @Test
    void historyShowsAThrottledScanAsNotGradedWithItsReasonAndNoGrade() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store/parapet");
        try (LoopbackHttpServer target = UngradableTargetFixtures.throttlesEverything()) {
            CliRun scan = CliRun.of("scan", target.uri().toString(), "--db", db, "--max-time", "5s",
                    "--no-progress", "--color", "never");
            assertThat(scan.exitCode()).as(scan.err()).isEqualTo(3);
        }
        CliRun history = CliRun.of("history", "--db", db);
        assertThat(history.exitCode()).as(history.err()).isZero();
        var lines = history.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("NOT GRADED").doesNotContain(" A ").doesNotContain(" F ");
        assertThat(lines.get(2)).startsWith(" ".repeat(14) + "not graded: ").contains("429");
    }
}
