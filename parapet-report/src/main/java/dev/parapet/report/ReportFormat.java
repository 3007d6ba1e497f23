package dev.parapet.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report formats this module renders. Ids are stable: they are what users type after {@code --format} and what
 * appears in configuration files.
 */
public enum ReportFormat {
    /**
     * The terminal default: grade, category scores, one line per check's findings, coverage and a recap; with
     * {@link RenderOptions#details()} every finding with evidence, remediation and reproduction.
     */
    SUMMARY("summary"),
    /** One fixed-width row per finding, most severe first, and a one-line score footer; made for {@code grep}. */
    TABLE("table"),
    /** The versioned, documented machine-readable form (see {@code docs/output.md}). */
    JSON("json"),
    /** SARIF 2.1.0 for code-scanning dashboards such as GitHub code scanning: one result per finding. */
    SARIF("sarif"),
    /** JUnit XML for CI test reports: one test case per check and endpoint, failures at or above the gate. */
    JUNIT("junit"),
    /** Compact Markdown for pull-request comments and CI job summaries, kept under about 60 KB. */
    MARKDOWN("markdown"),
    /** One self-contained HTML page (inline CSS and SVG, one hash-pinned filter script, no network fetches). */
    HTML("html"),
    /** The HTML page laid out as PDF; binary, so it can only be written to a file. */
    PDF("pdf", true);

    private final String id;
    private final boolean binary;

    ReportFormat(String id) {
        this(id, false);
    }

    ReportFormat(String id, boolean binary) {
        this.id = id;
        this.binary = binary;
    }

    /**
     * Whether the format is bytes rather than text: {@link Reports#render} refuses it and only {@link Reports#write}
     * produces it.
     */
    public boolean binary() {
        return binary;
    }

    /** The lower-case id used on the command line and in configuration. */
    public String id() {
        return id;
    }

    /**
     * Parses an id, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the valid ids when {@code id} is none of them
     */
    public static ReportFormat parse(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + id + "' (valid: " + validIds() + ")");
    }

    /**
     * The format a file name asks for, by its extension (case ignored): {@code .json} is JSON, {@code .txt} is the
     * summary, {@code .table} is the table, {@code .sarif} and {@code .sarif.json} are SARIF, {@code .xml} is JUnit,
     * {@code .md} is Markdown, {@code .html} and {@code .htm} are HTML, {@code .pdf} is PDF. Any other extension,
     * including {@code .tsv} (the table is aligned with spaces, not tabs), gives an empty result so the caller can ask
     * the user to name a format.
     */
    public static Optional<ReportFormat> forFile(Path file) {
        Path name = file == null ? null : file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot <= 0 || dot == n.length() - 1) {
            return Optional.empty();
        }
        if (n.endsWith(".sarif.json") && n.length() > ".sarif.json".length()) {
            return Optional.of(SARIF);
        }
        return switch (n.substring(dot + 1)) {
            case "json" -> Optional.of(JSON);
            case "txt" -> Optional.of(SUMMARY);
            case "table" -> Optional.of(TABLE);
            case "sarif" -> Optional.of(SARIF);
            case "xml" -> Optional.of(JUNIT);
            case "md" -> Optional.of(MARKDOWN);
            case "html", "htm" -> Optional.of(HTML);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }

    /** The extensions {@link #forFile} knows, for messages that ask the user to pick one. */
    public static String knownExtensions() {
        return ".json, .txt, .table, .sarif, .xml, .md, .html or .pdf";
    }

    static String validIds() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
