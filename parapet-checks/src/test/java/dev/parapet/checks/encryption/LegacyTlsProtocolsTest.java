package dev.parapet.checks.encryption;

import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.TlsFixtures;
import dev.parapet.testkit.fixtures.TlsFront;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.Security;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real JDK server that still accepts TLS 1.0 and 1.1, judged through the engine's hand-built legacy ClientHello.
 * The JDK refuses those versions unless {@code jdk.tls.disabledAlgorithms} allows them before TLS is first used
 * in the JVM, so this class relaxes it in its static initialiser and the build runs it in a JVM of its own (the
 * {@code legacy-tls} surefire execution). When some earlier test in the same JVM already initialised TLS (an IDE
 * running everything together), the test is skipped, saying so.
 */
class LegacyTlsProtocolsTest {

    static {
        Security.setProperty("jdk.tls.disabledAlgorithms",
                "SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL");
    }

    @BeforeAll
    static void requireALegacyCapableJdk() throws NoSuchAlgorithmException {
        List<String> protocols = Arrays.asList(SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
        assumeTrue(protocols.contains("TLSv1"), "TLS was initialised in this JVM before the legacy protocols could be"
                + " re-enabled (run with -Dtest=LegacyTlsProtocolsTest); enabled: " + protocols);
    }

    @Test
    void reportsTls10And11AcceptedByARealServerAsMedium() throws IOException {
        try (TlsFront front = TlsFixtures.acceptingLegacy(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"))) {
            List<Finding> findings = CheckHarness.scan(HttpsTargets.insecure(front.uri()),
                    List.of(new TlsConfigurationCheck())).findings();
            assertThat(findings).filteredOn(f -> f.title().startsWith("Server accepts"))
                    .extracting(Finding::title, Finding::severity)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("Server accepts deprecated TLSv1", Severity.MEDIUM),
                            org.assertj.core.groups.Tuple.tuple("Server accepts deprecated TLSv1.1", Severity.MEDIUM));
        }
    }

    @Test
    void staysQuietAboutVersionsWhenTheSameServerOffersOnlyModernOnes() throws IOException {
        try (TlsFront front = TlsFixtures.acceptingLegacy(TlsFixtures.MODERN)) {
            List<Finding> findings = CheckHarness.scan(HttpsTargets.insecure(front.uri()),
                    List.of(new TlsConfigurationCheck())).findings();
            assertThat(findings).noneMatch(f -> f.title().startsWith("Server accepts"));
        }
    }
}
