package dev.parapet.report;

import dev.parapet.model.ScanReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.util.Optional;

/**
 * The JSON form of a report (schema version {@value ScanReport#SCHEMA_VERSION}, documented in
 * {@code docs/output.md}), used for {@code --format json}, baselines and stored results. Stateless and
 * thread-safe.
 */
public final class JsonReport {

    private JsonReport() {
    }

    /**
     * The report as pretty-printed JSON ending in a newline, secrets redacted, fields in a fixed order; no gate
     * verdict (use {@link Reports#render} with a gate in the options to include one).
     */
    public static String toJson(ScanReport report) {
        return JsonRenderer.render(SafeReport.of(report), Optional.empty());
    }

    /**
     * Writes what {@link #toJson} returns (UTF-8) to {@code out} as it goes, one finding at a time, so a large report
     * is never one string in memory. {@code out} is flushed, not closed.
     */
    public static void write(ScanReport report, OutputStream out) throws IOException {
        JsonRenderer.write(SafeReport.of(report), Optional.empty(), out);
    }

    /** {@link #fromJson(String)} read from {@code json}, without first holding the text as one string. */
    public static ScanReport fromJson(Reader json) {
        return JsonReportReader.read(json);
    }

    /**
     * Reads a report written by {@link #toJson} (or by any Parapet writing schema 1.x) back. Everything
     * {@code toJson} writes comes back, except that durations keep whole milliseconds and header names come back
     * lower-cased.
     *
     * @throws IllegalArgumentException when {@code json} is not valid JSON, lacks a field, holds a value of the
     *                                  wrong type or an unknown id (the message names the field's path), or uses
     *                                  a newer major schema version
     */
    public static ScanReport fromJson(String json) {
        return JsonReportReader.read(json);
    }
}
