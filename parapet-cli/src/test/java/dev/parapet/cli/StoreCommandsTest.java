package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code results}, {@code history} and {@code diff} over scans the demo stored, in process, on an embedded database
 * in a temporary directory. The two demo scans run once for the class.
 */
class StoreCommandsTest {

    private static final Pattern STORED = Pattern.compile("stored as scan ([0-9a-f]+)");

    @TempDir
    static Path dir;
    static String db;
    static String vulnerableId;
    static String fixedId;
    static Path vulnerableJson;

    @BeforeAll
    static void storeTwoDemoScans() {
        db = "jdbc:h2:file:" + dir.resolve("store/parapet");
        vulnerableJson = dir.resolve("vulnerable.json");
        CliRun vulnerable = CliRun.of("demo", "--db", db, "-o", vulnerableJson.toString(), "--color", "never");
        assertThat(vulnerable.exitCode()).as(vulnerable.err()).isEqualTo(1);
        vulnerableId = storedId(vulnerable);
        CliRun fixed = CliRun.of("demo", "--fixed", "--db", db, "-o", dir.resolve("fixed.json").toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        fixedId = storedId(fixed);
    }

    static String storedId(CliRun run) {
        Matcher m = STORED.matcher(run.err());
        assertThat(m.find()).as(run.err()).isTrue();
        return m.group(1);
    }

    @Test
    void resultsRendersTheStoredReportAgainInAnyFormat() throws Exception {
        CliRun json = CliRun.of("results", vulnerableId, "--db", db, "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode stored = mapper.readTree(json.out());
        JsonNode written = mapper.readTree(Files.readString(vulnerableJson));
        assertThat(stored.path("scanId").asText()).isEqualTo(vulnerableId);
        assertThat(summaries(stored)).isEqualTo(summaries(written));
        assertThat(stored.path("score")).isEqualTo(written.path("score"));

        CliRun summary = CliRun.of("results", vulnerableId.substring(0, 6), "--db", db);
        assertThat(summary.exitCode()).isZero();
        assertThat(summary.out()).contains("Grade").contains("scan " + vulnerableId).contains("CORS");

        Path table = dir.resolve("again.table");
        CliRun file = CliRun.of("results", vulnerableId, "--db", db, "--format", "table", "-o", table.toString());
        assertThat(file.exitCode()).isZero();
        assertThat(Files.readString(table)).isEqualTo(file.out());

        Path sarif = dir.resolve("again.sarif");
        CliRun sarifRun = CliRun.of("results", vulnerableId, "--db", db, "--format", "markdown", "-o",
                sarif.toString());
        assertThat(sarifRun.exitCode()).as(sarifRun.err()).isZero();
        assertThat(new ObjectMapper().readTree(Files.readString(sarif)).path("version").asText()).isEqualTo("2.1.0");
        assertThat(CliRun.of("results", vulnerableId, "--db", db, "--format", "pdf").err())
                .contains("use -o report.pdf");
    }

    /** Each finding's fingerprint, severity, title and evidence, in report order. */
    private static java.util.List<String> summaries(JsonNode report) {
        java.util.List<String> out = new java.util.ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("fingerprint").asText() + " "
                + f.path("severity").asText() + " " + f.path("title").asText() + " " + f.path("evidence").asText()));
        return out;
    }

    @Test
    void unknownIdExitsTwoWithOneLineThatPointsToHistory() {
        CliRun run = CliRun.of("results", "0000deadbeef", "--db", db);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("0000deadbeef").contains("parapet history");
    }

    @Test
    void historyListsScansNewestFirstWithGradeScoreAndCounts() throws Exception {
        CliRun run = CliRun.of("history", "--db", db);
        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines.getFirst()).contains("ID").contains("VERDICT").contains("GRADE").contains("SCORE")
                .contains("COMPLETE");
        assertThat(lines.get(1)).startsWith(fixedId).contains(" GRADED ").contains("yes").contains("http://127.0.0.1:");
        assertThat(lines.get(2)).startsWith(vulnerableId).containsPattern("\\d+/\\d+/\\d+/\\d+/\\d+");
        assertThat(CliRun.of("history", "--db", db, "--limit", "1").out().lines()).hasSize(2);
        assertThat(CliRun.of("history", "--db", db, "--target", "http://nowhere.test").out())
                .contains("No stored scans of http://nowhere.test");
    }

    @Test
    void diffShowsResolvedFindingsAndTheScoreRising() throws Exception {
        CliRun run = CliRun.of("diff", vulnerableId, fixedId, "--db", db);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("From " + vulnerableId).contains("to " + fixedId)
                .containsPattern("Score +\\d+ -> \\d+  \\(\\+\\d+\\)")
                .containsPattern("Findings  \\d+ new, [1-9]\\d* resolved")
                .contains("Resolved (").contains("Categories");

        CliRun json = CliRun.of("diff", vulnerableId, fixedId, "--db", db, "--format", "json");
        JsonNode diff = new ObjectMapper().readTree(json.out());
        assertThat(diff.path("counts").path("resolved").asInt()).isPositive();
        assertThat(diff.path("scoreDelta").asInt()).isPositive();
        assertThat(diff.path("resolved").get(0).path("fingerprint").asText()).isNotEmpty();
        assertThat(diff.path("categories")).hasSize(12);
    }

    @Test
    void noStoreLeavesTheHistoryAsItWas() {
        String other = "jdbc:h2:file:" + dir.resolve("empty/parapet");
        CliRun run = CliRun.of("demo", "--fixed", "--no-store", "--db", other, "-o", dir.resolve("n.json").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("stored as scan");
        assertThat(CliRun.of("history", "--db", other).out()).contains("No stored scans yet");
    }
}
