package dev.parapet.checks.encryption;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Flags an API served over plain HTTP that does not send its clients to HTTPS on the same host. One GET of the
 * target without following redirects decides it: a 301/302/307/308 whose {@code Location} is {@code https://} on the
 * same host is the remedy; anything else the server answers is traffic (and any credential) in clear text.
 * Severity is LOW for loopback/private hosts, where TLS usually terminates at a proxy in front, HIGH otherwise.
 */
public final class PlainHttpCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("plain-http", Category.ENCRYPTION,
            "API served over plain HTTP",
            "The target answers over unencrypted HTTP and does not redirect to HTTPS on the same host.",
            Severity.HIGH, List.of(319), 1, Set.of(),
            "Serve the API only over HTTPS and answer every plain-HTTP request with a permanent redirect to the same"
                    + " path on https:// (e.g. nginx: `return 308 https://$host$request_uri;`), then add HSTS.");

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 307, 308);

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        URI target = ctx.inventory().target();
        if (!"http".equalsIgnoreCase(target.getScheme())) {
            return CheckOutcome.notApplicable("target is not plain HTTP");
        }
        Exchange e = ctx.probe(ProbeRequest.get(target));
        if (!e.answered()) {
            return CheckOutcome.errored("the target did not answer a plain GET: " + e.error(), null);
        }
        if (redirectsToHttpsOnSameHost(e, target)) {
            return CheckOutcome.none();
        }
        boolean privateHost = PrivateHosts.isLoopbackOrPrivate(target.getHost());
        String answer = REDIRECTS.contains(e.status())
                ? "redirects to " + e.responseHeaders().first("Location").orElse("") + " instead of https:// on "
                + target.getHost()
                : "answers " + e.status() + " over plain HTTP with no redirect to https://";
        String evidence = "GET " + target + " " + answer + "."
                + (privateHost ? " The host is loopback/private: TLS usually terminates at a proxy in front of such"
                + " services, so check that clients only reach it through that proxy." : "");
        return CheckOutcome.findings(List.of(Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(privateHost ? Severity.LOW : Severity.HIGH)
                .confidence(e.response().isSuccess() ? Confidence.CONFIRMED : Confidence.FIRM)
                .title(privateHost ? "API served over plain HTTP on a private host" : "API served over plain HTTP")
                .endpoint(new Endpoint("GET", target, Endpoint.Source.TARGET))
                .evidence(evidence)
                .exchange(e)
                .remediation(DESCRIPTOR.remediation())
                .references(DESCRIPTOR.references())
                .build()));
    }

    static boolean redirectsToHttpsOnSameHost(Exchange e, URI target) {
        if (!REDIRECTS.contains(e.status())) {
            return false;
        }
        String location = e.responseHeaders().first("Location").orElse("").trim();
        try {
            URI to = target.resolve(location);
            return "https".equalsIgnoreCase(to.getScheme()) && to.getHost() != null
                    && to.getHost().toLowerCase(Locale.ROOT).equals(target.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
