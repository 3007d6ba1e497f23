package dev.parapet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.ScanReport;
import dev.parapet.model.WriteRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every format shows what an active scan changed on the target, and the JSON report reads it back. */
class WritesSectionTest {

    private final ScanReport active = ReportFixtures.active();

    @Test
    void writesEachChangeWithItsOutcomeAndReadsItBack() throws Exception {
        String json = JsonReport.toJson(active);
        JsonNode writes = new ObjectMapper().readTree(json).get("writes");
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).fieldNames()).toIterable().containsExactly("checkId", "kind", "via", "object",
                "field", "oldValue", "outcome", "detail");
        assertThat(writes.get(0).get("outcome").asText()).isEqualTo("undone");
        assertThat(writes.get(1).get("kind").asText()).isEqualTo("created");
        assertThat(writes.get(1).get("outcome").asText()).isEqualTo("left-behind");
        assertThat(JsonReport.fromJson(json).writes()).isEqualTo(active.writes());
    }

    @Test
    void readsAReportWithoutWritesAsOneThatChangedNothing() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
                JsonReport.toJson(active));
        tree.remove("writes");
        assertThat(JsonReport.fromJson(tree.toString()).writes()).isEmpty();
    }

    @Test
    void warnsInTheSummaryAboutWhatWasLeftOnTheTargetAndSaysWhy() {
        String text = Reports.render(ReportFormat.SUMMARY, active, RenderOptions.plain().withDetails(true));
        assertThat(text).contains("CHANGES LEFT ON THE TARGET: 1 of 2 writes not undone",
                "2 writes to the target: 1 undone, 1 left behind",
                "left behind: created " + ReportFixtures.active().writes().get(1).object() + " by mass-assignment",
                "--allow-delete was not given");
    }

    @Test
    void listsTheWritesInMarkdownAndHtml() {
        String md = Reports.render(ReportFormat.MARKDOWN, active, RenderOptions.plain());
        assertThat(md).contains("Writes: 2 writes to the target: 1 undone, 1 left behind", "Not undone:");
        String html = Reports.render(ReportFormat.HTML, active, RenderOptions.plain());
        assertThat(html).contains("id=\"writes\"", "1 left behind", "id=\"writes-not-undone\"");
    }

    @Test
    void saysNothingAboutWritesForAScanThatMadeNone() {
        String text = Reports.render(ReportFormat.SUMMARY, ReportFixtures.full(), RenderOptions.plain());
        assertThat(text).doesNotContain("CHANGES LEFT", "writes to the target");
        assertThat(ReportFixtures.full().writes()).extracting(WriteRecord::outcome).isEmpty();
    }
}
