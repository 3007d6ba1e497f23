package dev.parapet.checks.encryption;

import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reports {@code http://} server URLs in the API description: clients and generated SDKs use them as given, so
 * every call, credentials included, would cross the network in clear text. Loopback servers are ignored (local
 * development). Reads the spec only; sends nothing. Stateless and thread-safe.
 */
public final class SpecInsecureServerCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("spec-insecure-server", Category.ENCRYPTION,
            "API description declares a plain-HTTP server",
            "Reports servers (or Swagger 2.0 schemes) in the OpenAPI document that use http:// instead of https://.",
            Severity.MEDIUM, List.of(319), 1, Set.of("openapi", "tls"),
            "List only https:// servers in the API description, e.g. `servers: [{url: https://api.example.com/v1}]`, "
                    + "and redirect or refuse plain HTTP at the edge.");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        ApiSpec spec = ctx.inventory().spec();
        if (spec.servers().isEmpty()) {
            return CheckOutcome.notApplicable(spec.source().isEmpty() ? "no API description was given or found"
                    : "the API description declares no servers");
        }
        Optional<Exchange> document = SpecResponses.specDocument(ctx.inventory());
        List<Finding> findings = spec.servers().stream().filter(SpecInsecureServerCheck::plainRemote)
                .map(s -> finding(s, spec, document)).toList();
        return CheckOutcome.findings(findings);
    }

    static boolean plainRemote(String server) {
        if (!server.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return false;
        }
        try {
            String host = URI.create(server).getHost();
            return host != null && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static Finding finding(String server, ApiSpec spec, Optional<Exchange> document) {
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.MEDIUM).confidence(Confidence.CONFIRMED)
                .title("API description sends clients to a plain-HTTP server")
                .evidence("servers: " + server + " (in " + spec.source() + ")")
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags())
                .discriminator(server);
        document.ifPresentOrElse(b::exchange, () -> b.endpoint(new Endpoint("GET",
                URI.create(server.replace(" ", "%20")), Endpoint.Source.SPEC)));
        return b.build();
    }
}
