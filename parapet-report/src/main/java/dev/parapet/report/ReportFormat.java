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
    /** The terminal default: grade, category scores, findings with evidence and reproduction, coverage. */
    SUMMARY("summary"),
    /** One fixed-width row per finding, most severe first, and a one-line score footer; made for {@code grep}. */
    TABLE("table"),
    /** The versioned, documented machine-readable form (see {@code docs/output.md}). */
    JSON("json");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
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
     * summary, {@code .table} is the table. Any other extension, including {@code .tsv} (the table is aligned with
     * spaces, not tabs), gives an empty result so the caller can ask the user to name a format.
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
        return switch (n.substring(dot + 1)) {
            case "json" -> Optional.of(JSON);
            case "txt" -> Optional.of(SUMMARY);
            case "table" -> Optional.of(TABLE);
            default -> Optional.empty();
        };
    }

    static String validIds() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
