package dev.parapet.model;

import java.util.List;

/**
 * How far the API description covered a scan, for reports.
 *
 * @param source            where the spec came from; empty when the scan had none
 * @param version           its declared version (for example {@code 3.1.0})
 * @param documented        operations kept from the spec
 * @param discovered        endpoints found at runtime (crawl and common locations) that the spec does not list
 * @param tested            documented operations whose mapped URL was called and answered
 * @param skipped           operations dropped because they could not be read
 * @param warnings          problems met while reading the spec, each {@code "<JSON pointer>: <message>"}
 */
public record SpecSummary(String source, String version, int documented, int discovered, int tested, int skipped,
                          List<String> warnings) {

    public static final SpecSummary NONE = new SpecSummary("", "", 0, 0, 0, 0, List.of());

    public SpecSummary {
        source = source == null ? "" : source;
        version = version == null ? "" : version;
        warnings = List.copyOf(warnings);
    }

    public boolean present() {
        return !source.isEmpty();
    }
}
