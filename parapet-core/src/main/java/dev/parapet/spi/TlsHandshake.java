package dev.parapet.spi;

import java.util.List;

/**
 * The result of offering one TLS protocol version to the target. {@code accepted}: the server completed a
 * handshake with that version. {@code certificateProblems}: what is wrong with the certificate the server
 * presented (untrusted chain, expired, not yet valid, wrong host name), empty when nothing is or when no
 * certificate was seen. {@code detail} is a short human-readable explanation.
 */
public record TlsHandshake(String offered, boolean accepted, String negotiated, List<String> certificateProblems,
                           String detail) {
    public TlsHandshake {
        certificateProblems = List.copyOf(certificateProblems);
        negotiated = negotiated == null ? "" : negotiated;
        detail = detail == null ? "" : detail;
    }
}
