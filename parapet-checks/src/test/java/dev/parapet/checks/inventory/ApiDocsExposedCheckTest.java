package dev.parapet.checks.inventory;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.InventoryFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsExposedCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new ApiDocsExposedCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return InventoryFixtures.publishedDocs();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return InventoryFixtures.noDocs();
    }

    @Test
    void countsTheOperationsTheDocumentReveals() throws IOException {
        try (LoopbackHttpServer server = InventoryFixtures.publishedDocs()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            Finding doc = findings.stream().filter(f -> f.title().contains("description document")).findFirst()
                    .orElseThrow();
            assertThat(doc.evidence()).contains("OpenAPI 3.0.3 'Clinic API' describing 4 operations on 3 paths");
            assertThat(doc.severity()).isEqualTo(Severity.LOW);
            assertThat(doc.confidence()).isEqualTo(Confidence.CONFIRMED);
        }
    }

    @Test
    void recognisesSwaggerUiAndRedocByTheirMarkupAndReportsEachToolOnce() throws IOException {
        try (LoopbackHttpServer server = InventoryFixtures.publishedDocs()) {
            List<Finding> pages = CheckHarness.findings(server.uri(), check()).stream()
                    .filter(f -> f.title().contains("page")).toList();
            assertThat(pages).extracting(Finding::title).containsExactlyInAnyOrder(
                    "Swagger UI documentation page is publicly reachable",
                    "ReDoc documentation page is publicly reachable");
        }
    }

    @Test
    void probesDocumentationPathsBelowTheTargetPathToo() {
        List<URI> candidates = ApiDocsExposedCheck.pageCandidates(URI.create("http://127.0.0.1:8080/api"));
        assertThat(candidates).contains(URI.create("http://127.0.0.1:8080/docs"),
                URI.create("http://127.0.0.1:8080/api/docs"));
        assertThat(candidates.size()).isLessThanOrEqualTo(new ApiDocsExposedCheck().descriptor().requestBudget());
    }

    @Test
    void reportsASpecInlinedInSwaggerUiInitWithItsOperations() throws IOException {
        try (LoopbackHttpServer server = dev.parapet.testkit.fixtures.DiscoveryFixtures.swaggerUiInline()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).filteredOn(f -> f.title().startsWith("API description document"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.endpoint().uri().getPath()).isEqualTo("/api-docs/swagger-ui-init.js");
                        assertThat(f.evidence()).contains("Ledger API").contains("4 operations").contains("inline");
                    });
            assertThat(findings).extracting(Finding::title).contains("Swagger UI documentation page is publicly reachable");
        }
    }

    @Test
    void dataFileLoadsAndEveryMarkerCompiles() {
        DocPages pages = DocPages.load();
        assertThat(pages.paths()).contains("docs", "swagger-ui.html", "redoc");
        pages.markers().forEach(m -> assertThat(m.compiled()).isInstanceOf(Pattern.class));
        assertThat(pages.toolOf("<div id=\"swagger-ui\"></div>")).contains("Swagger UI");
        assertThat(pages.toolOf("<h1>Help</h1>")).isEmpty();
    }

    @Test
    void summarisesYamlDocumentsToo() {
        String yaml = "swagger: '2.0'\ninfo:\n  title: Pets\npaths:\n  /pets:\n    get: {}\n    post: {}\n";
        assertThat(OpenApiSummary.parse(yaml)).hasValueSatisfying(s -> {
            assertThat(s.format()).isEqualTo("Swagger 2.0");
            assertThat(s.operations()).isEqualTo(2);
        });
    }
}
