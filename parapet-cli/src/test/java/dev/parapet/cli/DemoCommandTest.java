package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet demo}: the first run a new user sees, end to end in process. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void vulnerableDemoFailsTheDefaultGateWithFindingsInEveryImplementedCategory() throws Exception {
        Path json = dir.resolve("demo.json");
        CliRun run = CliRun.of("demo", "-o", json.toString(), "--color", "never");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Grade").contains("FAILED");
        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        Set<String> categories = new HashSet<>();
        report.path("findings").forEach(f -> categories.add(f.path("category").asText()));
        assertThat(categories).contains("encryption", "data-exposure", "input-validation", "inventory",
                "authentication");
        Golden.assertMatches("demo-summary.txt", run.out());
        Golden.assertMatches("demo-report.json", Files.readString(json));
    }

    @Test
    void fixedDemoHasNothingAboveLowAndPasses() throws Exception {
        Path json = dir.resolve("fixed.json");
        CliRun run = CliRun.of("demo", "--fixed", "-o", json.toString(), "--color", "never");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        report.path("findings").forEach(f -> assertThat(f.path("severity").asText())
                .as(f.path("title").asText()).isIn("info", "low"));
    }

    @Test
    void thresholdAboveOneHundredAlwaysFails() {
        CliRun run = CliRun.of("demo", "--fixed", "-o", dir.resolve("t.json").toString(), "--threshold", "101");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("below the threshold 101");
    }

    @Test
    void jsonOnStdoutIsPureJson() throws Exception {
        CliRun run = CliRun.of("demo", "--fixed", "--format", "json", "-o", dir.resolve("x.json").toString());
        JsonNode parsed = new ObjectMapper().readTree(run.out());
        assertThat(parsed.path("schemaVersion").asText()).isEqualTo("1.3");
    }

    @Test
    void takesTheScanTuningOptions() throws Exception {
        Path json = dir.resolve("tuned.json");
        CliRun run = CliRun.of("demo", "-o", json.toString(), "--fail-on", "none", "--checks", "security-headers",
                "--rate", "200", "--max-time", "2m", "--no-store");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        assertThat(report.path("findings").size()).isPositive();
        report.path("findings").forEach(f -> assertThat(f.path("checkId").asText()).isEqualTo("security-headers"));
    }

    @Test
    void readsItsSettingsFileLikeScan() throws Exception {
        Path settings = Files.writeString(dir.resolve("parapet.yaml"), "mode: passive\nrate: 0\n");
        CliRun refused = CliRun.of("demo", "--config", settings.toString(), "-o", dir.resolve("r.json").toString());
        assertThat(refused.exitCode()).as("rate 0 from the file is refused").isEqualTo(2);
        assertThat(refused.err()).contains("rate");

        Files.writeString(settings, "mode: passive\n");
        Path json = dir.resolve("passive.json");
        CliRun run = CliRun.of("demo", "--fixed", "--config", settings.toString(), "-o", json.toString(), "--no-store");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(Files.readString(json)).path("mode").asText()).isEqualTo("passive");
    }
}
