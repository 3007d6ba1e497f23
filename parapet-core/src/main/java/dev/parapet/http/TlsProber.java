package dev.parapet.http;

import dev.parapet.spi.TlsHandshake;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TLS probing for the encryption checks. Legacy versions (SSLv3, TLS 1.0, TLS 1.1) are tested with a hand-built
 * ClientHello on a plain socket, because the JDK refuses to offer them; that tells us what the <em>server</em>
 * accepts regardless of the JDK's own policy. Current versions go through JSSE, which also yields the certificate
 * chain to validate. Stateless; each call opens and closes one connection.
 */
public final class TlsProber {

    private static final Map<String, Integer> LEGACY = Map.of("SSLv3", 0x0300, "TLSv1", 0x0301, "TLSv1.1", 0x0302);

    private TlsProber() {
    }

    public static TlsHandshake handshake(String host, int port, String protocol, Duration timeout) {
        Integer legacy = LEGACY.get(protocol);
        return legacy != null ? legacyHello(host, port, protocol, legacy, timeout) : jsse(host, port, protocol, timeout);
    }

    private static TlsHandshake legacyHello(String host, int port, String protocol, int version, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(host, version));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            in.readUnsignedShort();
            int length = in.readUnsignedShort();
            if (contentType == 0x15) {
                return new TlsHandshake(protocol, false, "", List.of(), "server refused " + protocol + " with an alert");
            }
            if (contentType != 0x16 || length < 6) {
                return new TlsHandshake(protocol, false, "", List.of(), "server did not answer with a TLS handshake");
            }
            int handshakeType = in.readUnsignedByte();
            in.skipBytes(3);
            int serverVersion = in.readUnsignedShort();
            boolean accepted = handshakeType == 2 && serverVersion == version;
            return new TlsHandshake(protocol, accepted, accepted ? protocol : "",
                    List.of(), accepted ? "server completed a " + protocol + " ServerHello"
                    : "server answered with version 0x" + Integer.toHexString(serverVersion));
        } catch (IOException e) {
            return new TlsHandshake(protocol, false, "", List.of(), "no " + protocol + " handshake: " + e.getMessage());
        }
    }

    static byte[] clientHello(String host, int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeShort(body, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035, 0x0033, 0x0039, 0x000a, 0x0005, 0x0004};
        writeShort(body, suites.length * 2);
        for (int s : suites) {
            writeShort(body, s);
        }
        body.write(1);
        body.write(0); // null compression
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        if (!host.matches("[0-9.]+|.*:.*")) {
            writeShort(ext, 0x0000);
            writeShort(ext, name.length + 5);
            writeShort(ext, name.length + 3);
            ext.write(0);
            writeShort(ext, name.length);
            ext.writeBytes(name);
        }
        writeShort(ext, 0x000a); // supported groups: secp256r1, secp384r1
        writeShort(ext, 6);
        writeShort(ext, 4);
        writeShort(ext, 0x0017);
        writeShort(ext, 0x0018);
        writeShort(ext, 0x000b); // EC point formats: uncompressed
        writeShort(ext, 2);
        ext.write(1);
        ext.write(0);
        writeShort(body, ext.size());
        body.writeBytes(ext.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(1); // ClientHello
        int len = body.size();
        handshake.write((len >> 16) & 0xff);
        handshake.write((len >> 8) & 0xff);
        handshake.write(len & 0xff);
        handshake.writeBytes(body.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        writeShort(record, 0x0301);
        writeShort(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static TlsHandshake jsse(String host, int port, String protocol, Duration timeout) {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            raw.setSoTimeout((int) timeout.toMillis());
            try (SSLSocket socket = (SSLSocket) HttpTransport.trustAll().getSocketFactory()
                    .createSocket(raw, host, port, true)) {
                SSLParameters params = socket.getSSLParameters();
                params.setProtocols(new String[]{protocol});
                if (!host.matches("[0-9.]+|.*:.*")) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                socket.setSSLParameters(params);
                socket.startHandshake();
                String negotiated = socket.getSession().getProtocol();
                X509Certificate[] chain = (X509Certificate[]) socket.getSession().getPeerCertificates();
                return new TlsHandshake(protocol, negotiated.equals(protocol), negotiated,
                        certificateProblems(chain, host), "handshake completed with " + negotiated);
            }
        } catch (IOException | RuntimeException e) {
            return new TlsHandshake(protocol, false, "", List.of(), "no " + protocol + " handshake: " + e.getMessage());
        }
    }

    /** Validates a chain the way a client would: trust anchors of the JDK, validity dates, host name. */
    static List<String> certificateProblems(X509Certificate[] chain, String host) {
        List<String> problems = new ArrayList<>();
        if (chain.length == 0) {
            return List.of("server presented no certificate");
        }
        X509Certificate leaf = chain[0];
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            problems.add("certificate expired on " + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            problems.add("certificate not valid before " + leaf.getNotBefore().toInstant());
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    x509.checkServerTrusted(chain, leaf.getPublicKey().getAlgorithm().equals("EC") ? "ECDHE_ECDSA" : "RSA");
                }
            }
        } catch (GeneralSecurityException e) {
            boolean selfSigned = chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
            problems.add(selfSigned ? "self-signed certificate (not trusted by clients)"
                    : "certificate chain not trusted: " + e.getMessage());
        }
        if (!matchesHost(leaf, host)) {
            problems.add("certificate does not name host " + host);
        }
        return problems;
    }

    static boolean matchesHost(X509Certificate cert, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                    if (Integer.valueOf(2).equals(type) && dnsMatches(value, wanted)) {
                        return true;
                    }
                    if (Integer.valueOf(7).equals(type) && value.equals(wanted)) {
                        return true;
                    }
                }
                return false;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        String cn = cert.getSubjectX500Principal().getName().replaceAll("(?i).*CN=([^,]+).*", "$1").toLowerCase(Locale.ROOT);
        return dnsMatches(cn, wanted);
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }
}
