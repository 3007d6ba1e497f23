package dev.parapet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Category;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.testkit.Golden;
import dev.parapet.testkit.SarifUploadRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try (InputStream in = SarifUploadRules.schema()) {
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

    @ParameterizedTest
    @MethodSource("reports")
    void meetsGitHubCodeScanningsUploadRules(ScanReport report) throws IOException {
        assertThat(SarifUploadRules.violations(sarif(report))).isEmpty();
    }

    @Test
    void theUploadRulesRejectAnAbsoluteHttpLocationSoTheCheckAboveMeansSomething() throws IOException {
        JsonNode log = sarif(ReportFixtures.full());
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.get("runs").get(0).get("results").get(0)
                .get("locations").get(0).get("physicalLocation").get("artifactLocation"))
                .put("uri", "http://127.0.0.1:8080/items").remove("uriBaseId");
        assertThat(SarifUploadRules.violations(log)).singleElement().asString()
                .contains("neither relative nor file");
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
    void locatesEachResultRelativeToTheTargetsOriginAndKeepsItsExactUrl() throws IOException {
        ScanReport report = ReportFixtures.full();
        JsonNode run = sarif(report).get("runs").get(0);
        assertThat(run.get("originalUriBaseIds").get("TARGET").get("uri").asText())
                .isEqualTo("https://shop.example.test/");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(report.findings().size());
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            JsonNode result = results.get(i);
            assertThat(result.get("ruleId").asText()).isEqualTo(f.checkId());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            String uri = physical.get("artifactLocation").get("uri").asText();
            assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("TARGET");
            assertThat(java.net.URI.create("https://shop.example.test/").resolve(uri)).isEqualTo(f.endpoint().uri());
            assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(1);
            assertThat(result.get("properties").get("url").asText()).isEqualTo(f.endpoint().uri().toString());
            assertThat(result.get("locations").get(0).get("logicalLocations").get(0).get("name").asText())
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
    void locatesResultsOnTheLineOfTheirOperationInTheSpecFileGiven() throws IOException {
        Path dir = Path.of("target", "sarif-spec-test");
        Files.createDirectories(dir);
        Path spec = dir.resolve("shop api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.3
                info:
                  title: shop
                  version: "1"
                paths:
                  /items:
                    post:
                      summary: add
                    get:
                      summary: list
                  "/orders/{id}":
                    get:
                      summary: one order
                """);
        ScanReport report = ReportFixtures.full();
        JsonNode log = MAPPER.readTree(Reports.render(ReportFormat.SARIF, report,
                RenderOptions.plain().withSpecFile(Optional.of(spec))));
        assertThat(SCHEMA.validate(log)).isEmpty();
        assertThat(SarifUploadRules.violations(log)).isEmpty();
        JsonNode results = log.get("runs").get(0).get("results");
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            JsonNode physical = results.get(i).get("locations").get(0).get("physicalLocation");
            String path = f.endpoint().uri().getPath();
            if (path.equals("/api/items")) {
                assertThat(physical.get("artifactLocation").get("uri").asText())
                        .isEqualTo("target/sarif-spec-test/shop%20api.yaml");
                assertThat(physical.get("artifactLocation").has("uriBaseId")).isFalse();
                assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(9);
            } else if (path.equals("/api/orders/7")) {
                assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(12);
            } else {
                // not an operation of the file: relative to the target, as without a spec
                assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("TARGET");
            }
        }
        assertThat(results.findValues("startLine")).extracting(JsonNode::asInt).contains(9);
    }

    @Test
    void describesEveryCatalogueCheckFromItsDescriptorWhetherOrNotItFoundAnything() throws IOException {
        CheckDescriptor quiet = new CheckDescriptor("token-forgery", Category.AUTHENTICATION,
                "Forged tokens accepted", "Signs tokens with guessable keys and sees whether the API accepts them.",
                Severity.CRITICAL, List.of(347), 10, java.util.Set.of("jwt"),
                "Verify every token's signature with `alg` pinned:\n\n```java\nverifier.verify(token);\n```");
        ScanReport report = ReportFixtures.full();
        JsonNode driver = MAPPER.readTree(Reports.render(ReportFormat.SARIF, report,
                RenderOptions.plain().withCatalogue(List.of(quiet)))).get("runs").get(0).get("tool").get("driver");
        JsonNode rule = rule(driver, "token-forgery");
        assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo("Forged tokens accepted");
        assertThat(rule.get("fullDescription").get("text").asText())
                .startsWith("Signs tokens with guessable keys");
        assertThat(rule.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
        assertThat(rule.get("properties").get("security-severity").asText()).isEqualTo("9.5");
        assertThat(rule.get("properties").get("tags").toString()).contains("\"security\"", "external/cwe/cwe-347",
                "\"jwt\"");
        assertThat(rule.get("help").get("text").asText()).contains("verifier.verify(token);")
                .doesNotContain("```").doesNotContain("`alg`");
        assertThat(rule.get("help").get("markdown").asText()).contains("```java");
        // checks of the report that the catalogue does not name still get a rule
        assertThat(driver.get("rules")).hasSize(1 + report.checks().size());
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
