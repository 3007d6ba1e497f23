package dev.parapet.report;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportTest {

    @TempDir
    Path dir;

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void writesAPdfWhoseTextHasTheGradeAndEveryFinding() throws IOException {
        ScanReport report = ReportFixtures.full();
        Path file = dir.resolve("out/report.pdf");
        Reports.write(ReportFormat.PDF, report, RenderOptions.plain(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(file).replaceAll("\\s+", " ");
        assertThat(text).contains("Grade " + report.score().grade() + " · " + report.score().score() + "/100");
        for (Finding f : report.findings()) {
            assertThat(text).contains(f.title());
        }
        assertThat(text).contains("Attack paths").contains("Coverage");
    }

    @Test
    void neverWritesASecretTheEngineMissed() throws IOException {
        Path file = dir.resolve("leaky.pdf");
        Reports.write(ReportFormat.PDF, ReportFixtures.withUnredactedSecret(), RenderOptions.plain(), file);
        assertThat(text(file)).doesNotContain("xyz").contains("Bearer [redacted]");
    }

    @Test
    void opensWithTheExecutivePageDrawsBothChartsAndEmbedsTheBundledFonts() throws IOException {
        Path file = dir.resolve("exec.pdf");
        ScanReport report = ReportFixtures.full();
        Reports.write(ReportFormat.PDF, report, RenderOptions.plain(), file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            String page1 = first.getText(doc).replaceAll("\\s+", " ");
            assertThat(page1).contains("Grade D", "Most severe findings", report.findings().stream()
                    .sorted(ScanReport.MOST_SEVERE_FIRST).findFirst().orElseThrow().title());
            assertThat(page1).containsPattern("started \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} UTC");
            var resources = doc.getPage(0).getResources();
            int charts = 0;
            for (var name : resources.getXObjectNames()) {
                charts += resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject
                        ? 1 : 0;
            }
            assertThat(charts).as("the category and severity charts, drawn as vector forms").isEqualTo(2);
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.endsWith("DejaVuSans")).anyMatch(f -> f.endsWith("DejaVuSansMono"));
        }
    }
}
