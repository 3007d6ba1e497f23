package dev.parapet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sarif(ScanReport report) throws IOException {
        return MAPPER.readTree(Reports.render(ReportFormat.SARIF, report, RenderOptions.plain()));
    }

    static Stream<ScanReport> reports() {
        return Stream.of(ReportFixtures.full(), ReportFixtures.incomplete(), ReportFixtures.nothingAssessed(),
                ReportFixtures.withUnredactedSecret());
    }

    @ParameterizedTest
    @MethodSource("reports")
    void isValidAgainstTheOfficialSarifSchema(ScanReport report) throws IOException {
        Set<ValidationMessage> errors = SCHEMA.validate(sarif(report));
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRejectsABrokenLogSoTheValidationAboveMeansSomething() throws IOException {
        JsonNode broken = sarif(ReportFixtures.full());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0))
                .put("level", "urgent");
        assertThat(SCHEMA.validate(broken)).isNotEmpty();
    }

    @Test
    void matchesTheGoldenFile() {
        Golden.assertMatches("report.sarif", Reports.render(ReportFormat.SARIF, ReportFixtures.full(),
                RenderOptions.plain()));
    }

    @Test
    void describesEveryCheckAsARuleWithGitHubSecuritySeverity() throws IOException {
        ScanReport report = ReportFixtures.full();
        JsonNode run = sarif(report).get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("Parapet");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0-test");
        assertThat(driver.get("rules")).hasSize(report.checks().size());
        JsonNode sql = rule(driver, "sql-identifier-injection");
        assertThat(sql.get("name").asText()).isEqualTo("SqlIdentifierInjection");
        assertThat(sql.get("properties").get("security-severity").asText()).isEqualTo("9.5");
        assertThat(sql.get("properties").get("category").asText()).isEqualTo("input-validation");
        assertThat(sql.get("properties").get("tags").toString()).contains("\"security\"", "external/cwe/cwe-89",
                "external/owasp-api/API8:2023");
        assertThat(sql.get("help").get("markdown").asText()).contains("allow-list")
                .contains("[CWE-89](https://cwe.mitre.org/data/definitions/89.html)");
        assertThat(sql.get("relationships").toString()).contains("\"id\":\"89\"", "\"name\":\"CWE\"");
        assertThat(rule(driver, "readable-env-file").get("properties").get("security-severity").asText())
                .isEqualTo("8.0");
        assertThat(rule(driver, "cors-reflected-origin").get("properties").get("security-severity").asText())
                .isEqualTo("5.5");
        assertThat(rule(driver, "missing-security-headers").get("properties").get("security-severity").asText())
                .isEqualTo("3.0");
        assertThat(rule(driver, "server-fingerprint").get("properties").get("security-severity").asText())
                .isEqualTo("0.0");
    }

    @Test
    void locatesEachResultAtItsEndpointUrlWithTheFingerprint() throws IOException {
        ScanReport report = ReportFixtures.full();
        JsonNode results = sarif(report).get("runs").get(0).get("results");
        assertThat(results).hasSize(report.findings().size());
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            JsonNode result = results.get(i);
            assertThat(result.get("ruleId").asText()).isEqualTo(f.checkId());
            JsonNode location = result.get("locations").get(0);
            assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText())
                    .isEqualTo(f.endpoint().uri().toString());
            assertThat(location.get("logicalLocations").get(0).get("name").asText())
                    .isEqualTo(f.endpoint().display());
            assertThat(result.get("partialFingerprints").get(SarifRenderer.FINGERPRINT_KEY).asText())
                    .isEqualTo(f.fingerprint());
            assertThat(result.get("properties").get("confidence").asText()).isEqualTo(f.confidence().id());
            assertThat(result.get("properties").get("curl").asText()).isEqualTo(f.curl());
        }
        assertThat(List.of(results.get(0), results.get(1), results.get(2), results.get(4), results.get(5)))
                .extracting(r -> r.get("level").asText())
                .containsExactly("error", "error", "warning", "note", "note");
    }

    @Test
    void reportsChecksThatErroredOrWereInterruptedAsToolNotifications() throws IOException {
        JsonNode invocation = sarif(ReportFixtures.incomplete()).get("runs").get(0).get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.get("toolExecutionNotifications").toString())
                .contains("metadata-fetch errored: check failed: canary listener refused")
                .contains("burst-without-limit interrupted")
                .contains("incomplete scan: time budget of 300 s exhausted");
    }

    private static JsonNode rule(JsonNode driver, String id) {
        for (JsonNode rule : driver.get("rules")) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
