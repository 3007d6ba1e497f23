package dev.parapet.service;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.Category;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScanServiceExplainsUnreachableTargetsTest {

    private final ScanService service = new ScanService(List.of(new Check() {
        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor("noop", Category.INVENTORY, "noop", "does nothing", Severity.INFO, List.of(),
                    1, Set.of(), "none");
        }

        @Override
        public CheckOutcome run(dev.parapet.spi.CheckContext ctx) {
            return CheckOutcome.none();
        }
    }));

    @Test
    void aClosedPortFailsTheScanWithConnectionRefusedAndAdvice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ScanFailedException e = catchThrowableOfType(ScanFailedException.class,
                () -> service.run(config("http://127.0.0.1:" + port + "/api"), List.of()));
        assertThat(e.getMessage())
                .startsWith("cannot reach http://127.0.0.1:" + port + "/api: connection refused by 127.0.0.1:" + port)
                .contains("is the API running")
                .doesNotContain("\n");
    }

    @Test
    void anUnresolvableHostFailsTheScanWithUnknownHostAndAdvice() {
        // .invalid never resolves (RFC 6761), and the test JVM resolves names from a local file only
        assertThatThrownBy(() -> service.run(config("http://parapet-test.invalid/"), List.of()))
                .isInstanceOf(ScanFailedException.class)
                .hasMessageContaining("unknown host parapet-test.invalid")
                .hasMessageContaining("check the host name")
                .message().doesNotContain("\n");
    }

    @Test
    void everyTransportErrorPhraseGetsItsOwnAdvice() {
        ScanConfig c = config("https://127.0.0.1:1/");
        assertThat(ScanService.advice("TLS handshake failed with 127.0.0.1:1: bad cert", c)).contains("--insecure");
        assertThat(ScanService.advice("timed out connecting to 127.0.0.1:1", c)).contains("--connect-timeout");
        assertThat(ScanService.advice("scan stopping: interrupted by user", c)).contains("was stopped");
    }

    private static ScanConfig config(String target) {
        return ScanConfig.defaults(URI.create(target)).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
