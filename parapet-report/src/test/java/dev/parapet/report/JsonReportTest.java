package dev.parapet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Category;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ScanReport;
import dev.parapet.model.SpecSummary;
import dev.parapet.score.GateVerdict;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void matchesTheGoldenJsonSoFieldNamesCannotChangeUnnoticed() {
        Golden.assertMatches("report.json", Reports.render(ReportFormat.JSON, ReportFixtures.full(),
                new RenderOptions(false, 100, Optional.of(new GateVerdict(false, List.of("score 64 is below 70"))))));
    }

    @Test
    void roundTripsEverythingItWrites() {
        for (ScanReport report : List.of(ReportFixtures.full(), ReportFixtures.incomplete(),
                ReportFixtures.nothingAssessed(), ReportFixtures.notGraded())) {
            String json = JsonReport.toJson(report);
            ScanReport back = JsonReport.fromJson(json);
            assertThat(back).isEqualTo(report);
            assertThat(JsonReport.toJson(back)).isEqualTo(json);
        }
    }

    @Test
    void writesTheSameBytesEveryTimeAndEndsWithANewline() {
        String json = JsonReport.toJson(ReportFixtures.full());
        assertThat(JsonReport.toJson(ReportFixtures.full())).isEqualTo(json);
        assertThat(json).endsWith("}\n").doesNotContain("\r").startsWith("{\n  \"schemaVersion\": \"1.3\",\n");
    }

    @Test
    void writesTopLevelFieldsInTheDocumentedOrder() throws Exception {
        assertThat(names(tree(JsonReport.toJson(ReportFixtures.full())))).containsExactly("schemaVersion", "scanId",
                "parapetVersion", "target", "mode", "context", "startedAt", "durationMillis", "complete",
                "incompleteReason", "verdict", "score", "findingCounts", "findings", "attackPaths", "checks", "endpoints",
                "apiDocuments", "spec", "coverage", "writes", "stats");
    }

    @Test
    void writesTheVerdictWithItsReasonIdDetailAndAdvice() throws Exception {
        JsonNode verdict = tree(JsonReport.toJson(ReportFixtures.notGraded())).get("verdict");
        assertThat(names(verdict)).containsExactly("state", "reason", "detail", "advice");
        assertThat(verdict.get("state").asText()).isEqualTo("not-graded");
        assertThat(verdict.get("reason").asText()).isEqualTo("throttled");
        assertThat(names(tree(JsonReport.toJson(ReportFixtures.full())).get("verdict"))).containsExactly("state");
    }

    @Test
    void aReportBeforeSchema13ReadsAsNotGradedWhenItWasIncomplete() {
        String old = JsonReport.toJson(ReportFixtures.incomplete()).replace("\"schemaVersion\": \"1.3\"",
                "\"schemaVersion\": \"1.2\"").replaceFirst("\"verdict\": \\{[^}]*},", "");
        assertThat(old).doesNotContain("\"verdict\"");
        dev.parapet.model.Verdict v = JsonReport.fromJson(old).verdict();
        assertThat(v.reason()).isEqualTo(dev.parapet.model.Verdict.Reason.TIME_BUDGET);
        assertThat(JsonReport.fromJson(JsonReport.toJson(ReportFixtures.full()).replace("\"schemaVersion\": \"1.3\"",
                "\"schemaVersion\": \"1.2\"").replaceFirst("\"verdict\": \\{[^}]*},", "")).verdict().graded())
                .isTrue();
    }

    @Test
    void writesTheSpecSummaryAndReadsItBack() throws Exception {
        JsonNode spec = tree(JsonReport.toJson(ReportFixtures.full())).get("spec");
        assertThat(names(spec)).containsExactly("source", "version", "documented", "discovered", "tested", "skipped",
                "warnings");
        assertThat(spec.get("documented").asInt()).isEqualTo(2);
        assertThat(spec.get("warnings").get(0).asText()).startsWith("/paths/~1legacy/get: ");
        assertThat(JsonReport.fromJson(JsonReport.toJson(ReportFixtures.full())).spec())
                .isEqualTo(ReportFixtures.full().spec());
        assertThat(tree(JsonReport.toJson(ReportFixtures.withoutSpec())).get("spec").get("source").asText()).isEmpty();
    }

    @Test
    void readsAReportWrittenBeforeTheSpecSummaryAsHavingNoSpec() throws Exception {
        ObjectNode root = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        root.remove("spec");
        ScanReport back = JsonReport.fromJson(MAPPER.writeValueAsString(root));
        assertThat(back.spec()).isEqualTo(SpecSummary.NONE);
        assertThat(back.findings()).isEqualTo(ReportFixtures.full().findings());
    }

    @Test
    void usesLowerCaseIdsIsoInstantsAndMilliseconds() throws Exception {
        JsonNode root = tree(JsonReport.toJson(ReportFixtures.full()));
        assertThat(root.get("startedAt").asText()).isEqualTo("2026-11-29T20:15:30.125Z");
        assertThat(root.get("durationMillis").asLong()).isEqualTo(12_345);
        assertThat(root.get("mode").asText()).isEqualTo("safe");
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("critical");
        assertThat(first.get("confidence").asText()).isEqualTo("confirmed");
        assertThat(first.get("category").asText()).isEqualTo("input-validation");
        assertThat(first.get("references").get(0).get("kind").asText()).isEqualTo("owasp-api");
        assertThat(first.get("exchanges").get(0).get("elapsedMillis").asLong()).isEqualTo(41);
        assertThat(first.get("exchanges").get(0).get("request").get("headers").get("x-trace"))
                .hasToString("[\"one\",\"two\"]");
        Iterator<JsonNode> checks = root.get("checks").elements();
        List<String> statuses = new ArrayList<>();
        checks.forEachRemaining(c -> statuses.add(c.get("status").asText()));
        assertThat(statuses).contains("completed", "not-applicable", "errored", "interrupted", "skipped");
    }

    @Test
    void includesEveryCategoryWithItsAssessedFlagAndNullScoreWhenNotAssessed() throws Exception {
        JsonNode categories = tree(JsonReport.toJson(ReportFixtures.full())).get("score").get("categories");
        assertThat(categories).hasSize(Category.values().length);
        for (int i = 0; i < categories.size(); i++) {
            JsonNode c = categories.get(i);
            assertThat(c.get("category").asText()).isEqualTo(Category.values()[i].id());
            assertThat(c.get("score").isNull()).isEqualTo(!c.get("assessed").asBoolean());
        }
        assertThat(tree(JsonReport.toJson(ReportFixtures.nothingAssessed())).get("score").get("score").isNull())
                .isTrue();
    }

    @Test
    void includesTheGateOnlyWhenGiven() throws Exception {
        assertThat(tree(JsonReport.toJson(ReportFixtures.full())).has("gate")).isFalse();
        String json = Reports.render(ReportFormat.JSON, ReportFixtures.full(),
                new RenderOptions(false, 100, Optional.of(new GateVerdict(false, List.of("score 64 is below 70")))));
        JsonNode gate = tree(json).get("gate");
        assertThat(gate.get("passed").asBoolean()).isFalse();
        assertThat(gate.get("reasons")).hasSize(1);
        assertThat(JsonReport.fromJson(json)).isEqualTo(ReportFixtures.full());
    }

    @Test
    void readsHeaderNamesBackLowerCased() {
        HttpRequestRecord request = new HttpRequestRecord("GET", ReportFixtures.uri("/items"),
                Headers.of("Accept", "text/html", "X-Trace", "1", "x-trace", "2"), "");
        Finding f = Finding.builder("server-fingerprint", Category.INVENTORY).title("Server disclosed")
                .exchange(Exchange.answered(request, ReportFixtures.json(200, "{}"), Duration.ofMillis(3), 0)).build();
        ScanReport back = JsonReport.fromJson(JsonReport.toJson(
                ReportFixtures.report(List.of(f), ReportFixtures.runs(), true, "")));
        assertThat(back.findings().getFirst().exchanges().getFirst().request().headers())
                .isEqualTo(Headers.of("accept", "text/html", "x-trace", "1", "x-trace", "2"));
    }

    @Test
    void ignoresFieldsAddedByANewerMinorVersion() throws Exception {
        ObjectNode root = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        root.put("schemaVersion", "1.7");
        root.put("somethingNew", true);
        ((ObjectNode) root.get("findings").get(0)).putObject("cvss").put("base", 9.1);
        ScanReport back = JsonReport.fromJson(MAPPER.writeValueAsString(root));
        assertThat(back.findings()).isEqualTo(ReportFixtures.full().findings());
        assertThat(back.schemaVersion()).isEqualTo("1.7");
    }

    @Test
    void rejectsANewerMajorVersionSayingToUpgrade() throws Exception {
        ObjectNode root = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        root.put("schemaVersion", "2.0");
        assertThatThrownBy(() -> JsonReport.fromJson(MAPPER.writeValueAsString(root)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema 2.0").hasMessageContaining("upgrade Parapet");
    }

    @Test
    void rejectsTextThatIsNotAReport() {
        assertThatThrownBy(() -> JsonReport.fromJson("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> JsonReport.fromJson("{\"schemaVersion\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> JsonReport.fromJson("[1, 2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JsonReport.fromJson("{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schemaVersion: missing");
        assertThatThrownBy(() -> JsonReport.fromJson("{\"schemaVersion\": \"one\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAJOR.MINOR");
    }

    @Test
    void namesThePathOfAMissingOrMistypedField() throws Exception {
        ObjectNode root = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        ((ObjectNode) root.get("findings").get(1).get("endpoint")).remove("url");
        assertThatThrownBy(() -> JsonReport.fromJson(MAPPER.writeValueAsString(root)))
                .hasMessage("findings[1].endpoint.url: missing");

        ObjectNode typed = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        ((ObjectNode) typed.get("stats")).put("requestsSent", "many");
        assertThatThrownBy(() -> JsonReport.fromJson(MAPPER.writeValueAsString(typed)))
                .hasMessage("stats.requestsSent: expected an integer, found string");
    }

    @Test
    void listsTheValidIdsForAnUnknownEnumValue() throws Exception {
        ObjectNode root = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        ((ObjectNode) root.get("findings").get(0)).put("severity", "urgent");
        assertThatThrownBy(() -> JsonReport.fromJson(MAPPER.writeValueAsString(root)))
                .hasMessage("findings[0].severity: unknown value 'urgent' (valid: info, low, medium, high, critical)");
    }

    @Test
    void rejectsAResponseOnAnExchangeThatWasNotAnswered() throws Exception {
        ObjectNode root = (ObjectNode) tree(JsonReport.toJson(ReportFixtures.full()));
        ObjectNode exchange = (ObjectNode) root.get("findings").get(0).get("exchanges").get(0);
        exchange.put("outcome", "timeout");
        assertThatThrownBy(() -> JsonReport.fromJson(MAPPER.writeValueAsString(root)))
                .hasMessageContaining("findings[0].exchanges[0]: response must be present exactly when");
    }
}
