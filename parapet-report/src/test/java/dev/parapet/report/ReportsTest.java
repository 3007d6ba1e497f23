package dev.parapet.report;

import dev.parapet.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ReportsTest {

    @TempDir
    Path dir;

    private static Stream<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList().stream();
        }
    }

    @Test
    void writesTheRenderedReportInUtf8() throws IOException {
        ScanReport report = ReportFixtures.full();
        Path file = dir.resolve("scan.txt");
        Reports.write(ReportFormat.SUMMARY, report, RenderOptions.plain(), file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(Reports.render(ReportFormat.SUMMARY, report, RenderOptions.plain()));
        assertThat(listing(dir)).containsExactly(file);
    }

    @Test
    void replacesAnExistingFileWholeAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "old content that is longer than nothing");
        Reports.write(ReportFormat.JSON, ReportFixtures.full(), RenderOptions.plain(), file);
        assertThat(JsonReport.fromJson(Files.readString(file))).isEqualTo(ReportFixtures.full());
        assertThat(listing(dir)).containsExactly(file);
    }

    @Test
    void theStreamedJsonFileHoldsExactlyTheRenderedReport() throws IOException {
        Path file = dir.resolve("streamed.json");
        Reports.write(ReportFormat.JSON, ReportFixtures.full(), RenderOptions.plain(), file);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Reports.write(ReportFormat.JSON, ReportFixtures.full(), RenderOptions.plain(), out);
        String rendered = Reports.render(ReportFormat.JSON, ReportFixtures.full(), RenderOptions.plain());
        assertThat(Files.readString(file)).isEqualTo(rendered).endsWith("}\n");
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(rendered);
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path file = dir.resolve("reports/nightly/findings.table");
        Reports.write(ReportFormat.TABLE, ReportFixtures.full(), RenderOptions.plain(), file);
        assertThat(file).isRegularFile();
    }

    @Test
    void leavesTheTargetUntouchedAndCleansUpWhenTheMoveFails() throws IOException {
        Path target = dir.resolve("report.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "keep");
        assertThatThrownBy(() -> Reports.write(ReportFormat.JSON, ReportFixtures.full(), RenderOptions.plain(),
                target)).isInstanceOf(IOException.class);
        assertThat(target.resolve("keep.txt")).hasContent("keep");
        assertThat(listing(dir)).containsExactly(target);
    }

    @Test
    void givesTheFileTheDefaultPermissionsOfANewFile() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(dir.resolve("reference"));
        Path file = dir.resolve("report.json");
        Reports.write(ReportFormat.JSON, ReportFixtures.full(), RenderOptions.plain(), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }
}
