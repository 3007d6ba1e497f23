package dev.parapet.report;

import dev.parapet.model.Endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * How every text format accounts for the endpoints a scan knew: counted by where each came from (the URL given, the
 * crawl, the API description, an API document or documentation page, an HTML form, a JavaScript bundle, a wordlist
 * under a base path, parameter mining), in that fixed order, sources with none left out. Stateless.
 */
final class EndpointText {

    private EndpointText() {
    }

    /** {@code 1 target · 13 crawl · 2 spec · 1 wordlist}; {@code none} for no endpoint. */
    static String bySource(List<Endpoint> endpoints) {
        List<String> parts = new ArrayList<>();
        for (Endpoint.Source s : Endpoint.Source.values()) {
            long n = endpoints.stream().filter(e -> e.source() == s).count();
            if (n > 0) {
                parts.add(n + " " + s.label());
            }
        }
        return parts.isEmpty() ? "none" : String.join(" · ", parts);
    }
}
