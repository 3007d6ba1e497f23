package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parapet demo} with one {@code -o} per file format: every format is written for a real scan, picked by its
 * extension, and each one carries the same findings as the JSON report.
 */
class DemoReportFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;
    private static CliRun run;
    private static JsonNode json;

    @BeforeAll
    static void runTheDemoOnceWritingEveryFormat() throws Exception {
        run = CliRun.of("demo", "--color", "never", "-o", dir.resolve("demo.json").toString(),
                "-o", dir.resolve("demo.sarif").toString(), "-o", dir.resolve("junit.xml").toString(),
                "-o", dir.resolve("demo.md").toString(), "-o", dir.resolve("demo.html").toString(),
                "-o", dir.resolve("demo.pdf").toString());
        json = MAPPER.readTree(Files.readString(dir.resolve("demo.json")));
    }

    private static List<String> findings(String field) {
        List<String> out = new ArrayList<>();
        json.path("findings").forEach(f -> out.add(f.path(field).asText()));
        return out;
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void sarifJunitAndMarkdownOfTheDemoScanMatchTheirGoldenFiles() throws Exception {
        dev.parapet.testkit.Golden.assertMatches("demo-report.sarif", Files.readString(dir.resolve("demo.sarif")));
        dev.parapet.testkit.Golden.assertMatches("demo-junit.xml", Files.readString(dir.resolve("junit.xml")));
        dev.parapet.testkit.Golden.assertMatches("demo-report.md", Files.readString(dir.resolve("demo.md")));
    }

    @Test
    void theDemosSarifIsValidSarifThatGitHubCodeScanningTakes() throws Exception {
        JsonNode sarif = MAPPER.readTree(Files.readString(dir.resolve("demo.sarif")));
        com.networknt.schema.Schema schema;
        try (var in = dev.parapet.testkit.SarifUploadRules.schema()) {
            schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                    com.networknt.schema.SpecificationVersion.DRAFT_4).getSchema(in);
        }
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(dev.parapet.testkit.SarifUploadRules.violations(sarif)).isEmpty();
        JsonNode run = sarif.path("runs").get(0);
        // every installed check is a rule, described the same whether it found something or not
        assertThat(run.path("tool").path("driver").path("rules").size())
                .isEqualTo(dev.parapet.service.ScanService.withInstalledChecks().descriptors().size());
        for (JsonNode result : run.path("results")) {
            JsonNode artifact = result.path("locations").get(0).path("physicalLocation").path("artifactLocation");
            assertThat(artifact.path("uriBaseId").asText()).isEqualTo("TARGET");
            assertThat(java.net.URI.create(run.path("originalUriBaseIds").path("TARGET").path("uri").asText())
                    .resolve(artifact.path("uri").asText()).toString())
                    .isEqualTo(result.path("properties").path("url").asText());
        }
    }

    @Test
    void writesEveryFormatAndSaysSo() {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(findings("fingerprint")).isNotEmpty();
        for (String format : List.of("json", "sarif", "junit", "markdown", "html", "pdf")) {
            assertThat(run.err()).contains("parapet: " + format + " report written to ");
        }
    }

    @Test
    void sarifHasOneResultPerFindingWithItsFingerprint() throws Exception {
        JsonNode sarif = MAPPER.readTree(Files.readString(dir.resolve("demo.sarif")));
        List<String> fingerprints = new ArrayList<>();
        sarif.path("runs").get(0).path("results")
                .forEach(r -> fingerprints.add(r.path("partialFingerprints").path("parapetFingerprint/v1").asText()));
        assertThat(fingerprints).containsExactlyElementsOf(findings("fingerprint"));
    }

    @Test
    void junitFailsOnTheFindingsTheDefaultGateFailsOn() throws Exception {
        Document doc = xml(dir.resolve("junit.xml"));
        NodeList failures = doc.getElementsByTagName("failure");
        long highOrWorse = json.path("findingCounts").path("critical").asLong()
                + json.path("findingCounts").path("high").asLong();
        assertThat(highOrWorse).isPositive();
        assertThat(failures.getLength()).isPositive().isLessThanOrEqualTo((int) highOrWorse);
        for (int i = 0; i < failures.getLength(); i++) {
            assertThat(((Element) failures.item(i)).getAttribute("type")).isIn("critical", "high");
        }
    }

    @Test
    void markdownHtmlAndPdfShowTheGradeAndEveryFinding() throws Exception {
        String grade = "Grade " + json.path("score").path("grade").asText();
        String markdown = Files.readString(dir.resolve("demo.md"));
        assertThat(markdown).startsWith("## Parapet · " + grade);
        String html = xml(dir.resolve("demo.html")).getDocumentElement().getTextContent();
        String pdf;
        try (PDDocument doc = Loader.loadPDF(dir.resolve("demo.pdf").toFile())) {
            pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(html).contains(grade);
        assertThat(pdf).contains(grade);
        for (String title : findings("title")) {
            assertThat(html).contains(title);
            assertThat(pdf).contains(title.replaceAll("\\s+", " "));
            assertThat(markdown).contains(title.substring(0, Math.min(20, title.length())));
        }
    }

    @Test
    void theDemosPdfFitsInTwentyPagesWithItsChartsDrawn() throws Exception {
        Path pdf = dir.resolve("demo.pdf");
        // kept for a person to look at: target/demo-report.pdf
        Files.copy(pdf, Path.of("target", "demo-report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int images = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject
                            || page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                        images++;
                    }
                }
            }
            System.out.println("demo PDF: " + doc.getNumberOfPages() + " pages, " + images + " drawn objects");
            assertThat(doc.getNumberOfPages()).isLessThanOrEqualTo(20);
            assertThat(images).as("the category and severity charts").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void refusesPdfOnStandardOutputBeforeScanning() {
        CliRun refused = CliRun.of("scan", "http://127.0.0.1:1/", "--format", "pdf");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("pdf is a file format: use -o report.pdf");
    }
}
