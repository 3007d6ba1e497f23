package dev.parapet.report;

import dev.parapet.model.SpecSummary;

/**
 * The one-line account of the API description every text format shows when a scan had one: where it came from,
 * which format and version, and how far it covered the scan. Stateless.
 */
final class SpecText {

    private SpecText() {
    }

    /** {@code openapi.yaml (OpenAPI 3.1.0): 8 documented · 3 discovered · 8 tested · 0 skipped · 1 warning}. */
    static String line(SpecSummary spec) {
        return spec.source() + " (" + format(spec.version()) + "): " + counts(spec);
    }

    /** The counts alone, for formats that show the source separately. */
    static String counts(SpecSummary spec) {
        return spec.documented() + " documented · " + spec.discovered() + " discovered · " + spec.tested()
                + " tested · " + spec.skipped() + " skipped · " + Text.count(spec.warnings().size(), "warning");
    }

    /** {@code Swagger 2.0}, {@code OpenAPI 3.1.0}, or {@code version unknown} when the document did not say. */
    static String format(String version) {
        if (version.isEmpty()) {
            return "version unknown";
        }
        return (version.startsWith("2") ? "Swagger " : "OpenAPI ") + version;
    }
}
