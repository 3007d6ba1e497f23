package dev.parapet.mcp;

import dev.parapet.model.ScanReport;
import dev.parapet.report.RenderOptions;
import dev.parapet.report.ReportFormat;
import dev.parapet.report.Reports;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored scan's reports as MCP resources, {@code parapet://scans/{scanId}/report.json} (and {@code .md},
 * {@code .sarif}), and their rendering, shared by the resource templates and {@code get_report}. Stateless.
 */
final class ReportResources {

    /** The report formats offered to assistants, with their file name and media type. */
    enum Kind {
        JSON("json", "report.json", "application/json", ReportFormat.JSON),
        MARKDOWN("markdown", "report.md", "text/markdown", ReportFormat.MARKDOWN),
        SARIF("sarif", "report.sarif", "application/sarif+json", ReportFormat.SARIF);

        private final String id;
        private final String file;
        private final String mimeType;
        private final ReportFormat format;

        Kind(String id, String file, String mimeType, ReportFormat format) {
            this.id = id;
            this.file = file;
            this.mimeType = mimeType;
            this.format = format;
        }

        String id() {
            return id;
        }

        String file() {
            return file;
        }

        String mimeType() {
            return mimeType;
        }

        static Kind parse(String tool, String id) {
            for (Kind k : values()) {
                if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new ToolException(tool + ": format must be json, markdown or sarif, not " + id);
        }
    }

    static final String PREFIX = "parapet://scans/";
    /** Tool arguments only (never target text), short: a scan id or prefix and a file name. */
    private static final Pattern URI = Pattern.compile("parapet://scans/([A-Za-z0-9-]{4,64})/(report\\.[a-z]+)");

    private ReportResources() {
    }

    static String uri(String scanId, Kind kind) {
        return PREFIX + scanId + "/" + kind.file;
    }

    /** The URI template a resource template declares for {@code kind}. */
    static String template(Kind kind) {
        return PREFIX + "{scanId}/" + kind.file;
    }

    /** The scan id and kind a resource URI names, or empty when it names none of ours. */
    record Address(String scanId, Kind kind) {
    }

    static Optional<Address> parse(String uri) {
        Matcher m = URI.matcher(uri == null ? "" : uri);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Kind k : Kind.values()) {
            if (k.file.equals(m.group(2))) {
                return Optional.of(new Address(m.group(1), k));
            }
        }
        return Optional.empty();
    }

    static String render(ScanReport report, Kind kind) {
        return Reports.render(kind.format, report, RenderOptions.plain());
    }
}
