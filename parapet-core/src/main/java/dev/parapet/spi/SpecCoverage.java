package dev.parapet.spi;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far the API description covered the scan, for reports: how many operations it documents, how many endpoints
 * discovery found besides them, how many documented operations were actually called, and how much of the spec
 * could be read.
 *
 * @param source            where the spec came from; empty when there was none
 * @param version           its declared version
 * @param documented        operations kept from the spec
 * @param discovered        endpoints found at runtime (crawl and common locations), not read from the spec
 * @param tested            documented operations whose mapped URL was called and answered
 * @param skippedOperations operations dropped because they could not be read
 * @param warnings          problems met while reading the spec
 */
public record SpecCoverage(String source, String version, int documented, int discovered, int tested,
                           int skippedOperations, List<SpecWarning> warnings) {

    public SpecCoverage {
        warnings = List.copyOf(warnings);
    }

    public static SpecCoverage of(Inventory inventory) {
        ApiSpec spec = inventory.spec();
        int discovered = (int) inventory.endpoints().stream()
                .filter(e -> e.source() == Endpoint.Source.DISCOVERED).count();
        Set<Map.Entry<String, URI>> answered = new HashSet<>();
        for (Exchange e : inventory.exchanges()) {
            if (e.answered()) {
                answered.add(Map.entry(e.request().method(), e.request().uri()));
            }
        }
        int tested = (int) spec.operations().stream().filter(o -> o.uri().isPresent())
                .filter(o -> answered.contains(Map.entry(o.method(), o.uri().get())))
                .count();
        return new SpecCoverage(spec.source(), spec.version(), spec.keptOperations(), discovered, tested,
                spec.skippedOperations(), spec.warnings());
    }
}
