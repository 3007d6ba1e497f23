package dev.parapet.checks.encryption;

import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.TlsHandshake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges an HTTPS target's TLS: offers each legacy version alone (SSLv3 → HIGH, TLS 1.0/1.1 → MEDIUM when the server
 * selects it in its ServerHello) and validates the certificate presented in a TLS 1.3, else TLS 1.2, handshake
 * (expired, not yet valid, self-signed, untrusted chain or wrong host → HIGH, CONFIRMED, since the certificate
 * itself was read). Five handshakes at most; no HTTP requests. Findings carry the recorded HTTPS exchange of the
 * target as context, since a handshake is not an HTTP exchange.
 */
public final class TlsConfigurationCheck implements Check {

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("tls-configuration", Category.ENCRYPTION,
            "Weak TLS versions or certificate problems",
            "The server accepts deprecated protocol versions (SSLv3, TLS 1.0, TLS 1.1) or presents a certificate"
                    + " clients cannot trust (expired, self-signed, untrusted chain, wrong host name).",
            Severity.HIGH, List.of(326, 295), 5, Set.of(),
            "Allow only TLS 1.2 and 1.3 (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`) and serve a certificate from a"
                    + " trusted CA that names the host and is within its validity (e.g. automated with ACME).");

    /** Versions RFC 8996 deprecates, with the severity of a server that still accepts them. */
    enum LegacyProtocol {
        SSL_3("SSLv3", Severity.HIGH), TLS_1_0("TLSv1", Severity.MEDIUM), TLS_1_1("TLSv1.1", Severity.MEDIUM);

        final String jsseName;
        final Severity severity;

        LegacyProtocol(String jsseName, Severity severity) {
            this.jsseName = jsseName;
            this.severity = severity;
        }
    }

    private static final List<String> CURRENT = List.of("TLSv1.3", "TLSv1.2");

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        URI target = ctx.inventory().target();
        if (!"https".equalsIgnoreCase(target.getScheme())) {
            return CheckOutcome.notApplicable("target is not HTTPS");
        }
        Optional<Exchange> anchor = ctx.inventory().targetExchange()
                .or(() -> ctx.inventory().exchanges().stream().filter(Exchange::answered).findFirst());
        if (anchor.isEmpty()) {
            return CheckOutcome.notApplicable("no HTTPS exchange with the target was recorded");
        }
        List<Finding> findings = new ArrayList<>();
        for (LegacyProtocol legacy : LegacyProtocol.values()) {
            TlsHandshake h = ctx.tlsHandshake(legacy.jsseName);
            if (h.accepted()) {
                findings.add(legacyAccepted(legacy, h, anchor.get()));
            }
        }
        for (String version : CURRENT) {
            TlsHandshake h = ctx.tlsHandshake(version);
            if (h.accepted()) {
                if (!h.certificateProblems().isEmpty()) {
                    findings.add(certificate(h, anchor.get(), target));
                }
                break;
            }
        }
        return CheckOutcome.findings(findings);
    }

    private static Finding legacyAccepted(LegacyProtocol legacy, TlsHandshake h, Exchange anchor) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(legacy.severity)
                .confidence(Confidence.CONFIRMED)
                .title("Server accepts deprecated " + legacy.jsseName)
                .discriminator(legacy.jsseName)
                .evidence(Snippets.oneLine("Offered only " + legacy.jsseName + ": " + h.detail(), Snippets.MAX_EVIDENCE))
                .exchange(anchor)
                .remediation("Disable " + legacy.jsseName + " and everything below TLS 1.2 (nginx: `ssl_protocols"
                        + " TLSv1.2 TLSv1.3;`, Node: `minVersion: 'TLSv1.2'` in the TLS options).")
                .references(DESCRIPTOR.references())
                .build();
    }

    private static Finding certificate(TlsHandshake h, Exchange anchor, URI target) {
        return Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .severity(Severity.HIGH)
                .confidence(Confidence.CONFIRMED)
                .title("TLS certificate is not valid for clients: " + h.certificateProblems().getFirst())
                .discriminator("certificate")
                .evidence(Snippets.oneLine("Certificate presented by " + target.getHost() + " over " + h.negotiated()
                        + ": " + String.join("; ", h.certificateProblems()), Snippets.MAX_EVIDENCE))
                .exchange(anchor)
                .remediation("Serve a certificate issued by a publicly trusted CA (or your organisation's CA that"
                        + " every client trusts) that names " + target.getHost() + " and renew it before it"
                        + " expires, e.g. with an ACME client such as certbot.")
                .references(DESCRIPTOR.references())
                .build();
    }
}
