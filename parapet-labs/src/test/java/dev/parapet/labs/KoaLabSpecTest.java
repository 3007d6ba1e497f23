package dev.parapet.labs;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.SpecSummary;
import dev.parapet.service.ScanService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans the vulnerable koa-cockroach lab with its OpenAPI 3.1 description ({@code labs/koa-cockroach/openapi.yaml},
 * a file the lab does not serve) and holds the spec-aware findings to the drift that document carries: the live
 * {@code GET /data} it omits, the {@code GET /products/{id}} it marks deprecated, and the user listing that answers
 * with properties its schema does not declare. The report's spec summary must count what the document holds and
 * what the scan did with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KoaLabSpecTest {

    /** Operations under {@code paths} in the lab's openapi.yaml: 12 GETs, POST /login, POST /products/import, PATCH /me. */
    private static final int DOCUMENTED_OPERATIONS = 15;
    /** The documented GETs: a safe scan calls these and never the POSTs or the PATCH. */
    private static final int DOCUMENTED_GETS = 12;
    private static final Duration SCAN_BUDGET = Duration.ofSeconds(90);

    private Path specFile;
    private ScanReport report;

    @BeforeAll
    void scanTheVulnerableLabWithItsSpec() throws Exception {
        Path labDir = Prerequisites.labDir();
        Prerequisites.node();
        specFile = labDir.resolve("openapi.yaml");
        assertThat(specFile).isRegularFile();
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "parapet-lab-pg");
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (LabDatabase db = LabDatabase.start(work);
             LabProcess lab = LabProcess.start(labDir, "vulnerable", db.databaseUrl(), token)) {
            ScanConfig config = ScanConfig.defaults(lab.baseUri()).withMaxTime(SCAN_BUDGET).withRate(100, 8)
                    .withSpec(specFile.toString(), 7);
            report = ScanService.withInstalledChecks().run(config, List.of());
            Path target = Files.createDirectories(Path.of(System.getProperty("basedir",
                    System.getProperty("user.dir"))).resolve("target"));
            lab.saveOutput(target.resolve("lab-spec-vulnerable.log"));
        }
        System.out.println("koa-cockroach lab with openapi.yaml: " + report.spec());
    }

    @Test
    void reportsTheLiveRouteTheSpecOmits() {
        assertThat(findings("undocumented-endpoint"))
                .as("undocumented endpoints; all findings:%n%s", listing())
                .anySatisfy(f -> assertThat(f.title()).contains("GET /data"));
        assertThat(findings("undocumented-endpoint")).extracting(Finding::title)
                .noneMatch(t -> t.contains("GET /users") || t.contains("GET /products?"));
    }

    @Test
    void reportsTheDeprecatedOperationStillServed() {
        assertThat(findings("deprecated-operation-served")).singleElement()
                .satisfies(f -> assertThat(f.title()).contains("/products/{id}"));
    }

    @Test
    void reportsTheUserPropertiesTheSchemaDoesNotDeclare() {
        assertThat(findings("spec-property-overexposure"))
                .filteredOn(f -> f.title().contains("GET /users") && f.title().contains("does not declare"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.evidence()).startsWith("undeclared [created_at, email, password_hash, phone];");
                });
    }

    @Test
    void summarisesWhatTheSpecDocumentsAndWhatTheScanCovered() {
        SpecSummary spec = report.spec();
        assertThat(spec.present()).isTrue();
        assertThat(spec.source()).isEqualTo(specFile.toString());
        assertThat(spec.version()).isEqualTo("3.1.0");
        assertThat(spec.documented()).isEqualTo(DOCUMENTED_OPERATIONS);
        assertThat(spec.skipped()).isZero();
        assertThat(spec.tested()).as("every documented GET is called; a safe scan never writes")
                .isEqualTo(DOCUMENTED_GETS);
        long discovered = report.endpoints().stream().filter(e -> e.source() == Endpoint.Source.DISCOVERED).count();
        assertThat(spec.discovered()).isEqualTo(discovered).isPositive();
        assertThat(report.endpoints()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(Endpoint.Source.DISCOVERED);
            assertThat(e.uri().getRawPath()).isEqualTo("/data");
        });
        assertThat(spec.warnings()).as("the lab's document is valid OpenAPI 3.1").isEmpty();
    }

    @Test
    void completesTheScan() {
        assertThat(report.complete()).as(report.incompleteReason()).isTrue();
    }

    private List<Finding> findings(String checkId) {
        return report.findings().stream().filter(f -> f.checkId().equals(checkId)).toList();
    }

    private String listing() {
        return String.join("\n", report.findings().stream().map(LabRun::describe).toList());
    }
}
