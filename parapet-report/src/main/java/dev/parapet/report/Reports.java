package dev.parapet.report;

import dev.parapet.model.ScanReport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The entry point for rendering reports. Every format passes the report through {@link dev.parapet.http.Redactor}
 * first, so a secret that slipped past the engine's redaction is still not written; the plain-text formats also
 * show control characters from the target as visible escapes. Stateless and thread-safe.
 */
public final class Reports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Reports() {
    }

    /**
     * Renders {@code report} in a text {@code format}; the text ends with a newline.
     *
     * @throws IllegalArgumentException for a {@linkplain ReportFormat#binary() binary} format (PDF), which only
     *                                  {@link #write} produces
     */
    public static String render(ReportFormat format, ScanReport report, RenderOptions options) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(options, "options");
        return switch (format) {
            case SUMMARY -> SummaryRenderer.render(SafeReport.forTerminal(report), options);
            case TABLE -> TableRenderer.render(SafeReport.forTerminal(report), options);
            case JSON -> JsonRenderer.render(SafeReport.of(report), options.gate());
            case SARIF -> SarifRenderer.render(SafeReport.of(report), options);
            case JUNIT -> JUnitRenderer.render(SafeReport.of(report), options.failureThreshold(), options::fails);
            case MARKDOWN -> MarkdownRenderer.render(SafeReport.of(report), options.gate());
            case HTML -> HtmlRenderer.render(SafeReport.forTerminal(report), options.gate());
            case PDF -> throw new IllegalArgumentException(
                    "pdf is a file format: use -o report.pdf (it cannot be printed to the terminal)");
        };
    }

    /** The bytes of {@code report} in {@code format}: UTF-8 text, or the PDF document. */
    static byte[] bytes(ReportFormat format, ScanReport report, RenderOptions options) {
        if (format == ReportFormat.PDF) {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(options, "options");
            return PdfRenderer.render(HtmlRenderer.render(SafeReport.forTerminal(report), options.gate(),
                    HtmlView.Medium.PRINT));
        }
        return render(format, report, options).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Renders {@code report} in a text {@code format} to {@code out} (UTF-8, ending with a newline); JSON is
     * streamed, the other formats are rendered first. {@code out} is flushed, not closed.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(ReportFormat format, ScanReport report, RenderOptions options, OutputStream out)
            throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(options, "options");
        if (format == ReportFormat.JSON) {
            JsonRenderer.write(SafeReport.of(report), options.gate(), out);
        } else {
            out.write(bytes(format, report, options));
            out.flush();
        }
    }

    /**
     * Renders {@code report} and writes it to {@code file} (text in UTF-8; PDF as a PDF document), atomically: the text goes to a temporary file in
     * the same directory, which is then moved over {@code file}, so readers see the old file or the whole new one,
     * never a partial one. Missing parent directories are created. The file gets the permissions any new file gets
     * (the process's umask), not a temporary file's owner-only ones. The caller chooses {@code options}; pass
     * {@code color=false} for files unless they are meant to be {@code cat} to a terminal.
     *
     * @throws IOException when the file cannot be written; {@code file} is then left as it was
     */
    public static void write(ReportFormat format, ScanReport report, RenderOptions options, Path file)
            throws IOException {
        Objects.requireNonNull(format, "format");
        byte[] content = format == ReportFormat.JSON ? null : bytes(format, report, options);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = createSibling(target);
        try {
            if (content == null) {
                // JSON is streamed to the file: a report with thousands of findings is never one string in memory
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                    write(format, report, options, out);
                }
            } else {
                Files.write(temp, content);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty file next to {@code target}, created with the default permissions (unlike
     * {@link Files#createTempFile}, which makes it readable by its owner only on POSIX systems).
     */
    private static Path createSibling(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }
}
