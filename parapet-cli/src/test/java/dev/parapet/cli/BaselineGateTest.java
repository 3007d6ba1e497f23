package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Gating without noise: baselines and suppressions over the demo API, end to end in process. */
class BaselineGateTest {

    @TempDir
    static Path dir;
    static String db;
    static Path vulnerableJson;
    static String vulnerableId;

    @BeforeAll
    static void scanTheVulnerableDemoOnce() {
        db = "jdbc:h2:file:" + dir.resolve("store/parapet");
        vulnerableJson = dir.resolve("vulnerable.json");
        CliRun run = CliRun.of("demo", "--db", db, "-o", vulnerableJson.toString(), "--color", "never");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        vulnerableId = StoreCommandsTest.storedId(run);
    }

    @Test
    void baselineFromAStoredScanMakesTheSameScanPassWhileTheReportListsEveryFinding() throws Exception {
        Path baseline = dir.resolve("from-id.json");
        CliRun create = CliRun.of("baseline", "create", "--from", vulnerableId, "--db", db, "-o", baseline.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        JsonNode file = new ObjectMapper().readTree(Files.readString(baseline));
        assertThat(file.path("parapetBaseline").asInt()).isEqualTo(1);
        assertThat(file.path("createdFrom").path("scanId").asText()).isEqualTo(vulnerableId);

        Path json = dir.resolve("again.json");
        CliRun again = CliRun.of("demo", "--no-store", "--baseline", baseline.toString(), "-o", json.toString(),
                "--color", "never");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains("Baseline: ").contains("already known (not gated), 0 findings new.");
        assertThat(again.out().strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("PASSED");
        int listed = new ObjectMapper().readTree(Files.readString(json)).path("findings").size();
        assertThat(listed).isEqualTo(file.path("fingerprints").size());
    }

    @Test
    void findingMissingFromTheBaselineFailsTheGate() throws Exception {
        Path fixedJson = dir.resolve("fixed.json");
        assertThat(CliRun.of("demo", "--fixed", "--no-store", "-o", fixedJson.toString()).exitCode()).isZero();
        Path baseline = dir.resolve("from-fixed.json");
        assertThat(CliRun.of("baseline", "create", "--from", fixedJson.toString(), "-o", baseline.toString())
                .exitCode()).isZero();
        CliRun run = CliRun.of("demo", "--no-store", "--baseline", baseline.toString(), "-o",
                dir.resolve("v.json").toString(), "--color", "never");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED").contains("new against the baseline");
    }

    @Test
    void suppressingEveryHighFindingPassesAndAnExpiredSuppressionIsListed() throws Exception {
        Set<String> checks = new LinkedHashSet<>();
        new ObjectMapper().readTree(Files.readString(vulnerableJson)).path("findings").forEach(f -> {
            if (Set.of("high", "critical").contains(f.path("severity").asText())) {
                checks.add(f.path("checkId").asText());
            }
        });
        StringBuilder yaml = new StringBuilder("suppressions:\n");
        checks.forEach(c -> yaml.append("  - check: ").append(c).append("\n    path: /**\n")
                .append("    reason: accepted for the demo\n    expires: 2999-12-31\n"));
        yaml.append("  - check: cors-misconfiguration\n    reason: was accepted last year\n    expires: 2020-01-31\n");
        Path file = dir.resolve("suppressions.yaml");
        Files.writeString(file, yaml);

        CliRun run = CliRun.of("demo", "--no-store", "--suppressions", file.toString(), "-o",
                dir.resolve("s.json").toString(), "--color", "never");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Suppressed until 2999-12-31").contains("Expired suppression")
                .contains("expired 2020-01-31");
        assertThat(run.err()).contains("warning: Expired suppression (check cors-misconfiguration");
    }

    @Test
    void malformedSuppressionsFileIsAUsageErrorBeforeScanning() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "suppressions:\n  - check: x\n    expires: 2027-01-01\n");
        CliRun run = CliRun.of("demo", "--no-store", "--suppressions", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs a reason").doesNotContain("listening");
    }

    @Test
    void missingBaselineFileSaysHowToCreateOne() {
        CliRun run = CliRun.of("demo", "--no-store", "--baseline", dir.resolve("none.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("parapet baseline create");
    }
}
