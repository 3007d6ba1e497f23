package dev.parapet.cli;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.testkit.fixtures.TlsFixtures;
import dev.parapet.testkit.fixtures.TlsFront;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets one clear line and the documented exit code. */
class CommandLineErrorsTest {

    @Test
    void malformedUrlExitsTwoWithOneLine() {
        CliRun run = CliRun.of("scan", "not-a-url");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("not-a-url").contains("http://");
    }

    @Test
    void refusedConnectionExitsThreeWithOneLine() {
        CliRun run = CliRun.of("scan", "http://127.0.0.1:1/", "--connect-timeout", "2s");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("connection refused").contains("127.0.0.1:1");
    }

    @Test
    void refusedConnectionStillWritesANotGradedReportToTheFileAskedFor(@org.junit.jupiter.api.io.TempDir
                                                                       java.nio.file.Path dir) throws Exception {
        java.nio.file.Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("scan", "http://127.0.0.1:1/", "--connect-timeout", "2s", "--no-store", "-o",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("connection refused");
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(report.path("verdict").path("state").asText()).isEqualTo("not-graded");
        assertThat(report.path("verdict").path("reason").asText()).isEqualTo("unreachable");
        assertThat(report.path("verdict").path("detail").asText()).contains("connection refused");
        assertThat(report.path("findings")).isEmpty();
    }

    @Test
    void unknownHostExitsThreeAndSaysSo() {
        CliRun run = CliRun.of("scan", "http://no-such-host.invalid/");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("unknown host no-such-host.invalid");
    }

    @Test
    void targetThatOnlyTimesOutExitsThreeAndSaysSo() throws Exception {
        try (LoopbackHttpServer silent = LoopbackHttpServer.builder().route("*", "*", r -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LoopbackHttpServer.Response.empty(204);
        }).start()) {
            CliRun run = CliRun.of("scan", silent.uri().toString(), "--read-timeout", "500ms");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("timed out");
        }
    }

    @Test
    void untrustedCertificateExitsThreeAndSuggestsInsecure() throws Exception {
        try (TlsFront https = TlsFixtures.withoutHsts()) {
            CliRun run = CliRun.of("scan", https.uri().toString());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("TLS").contains("--insecure");
        }
    }

    @Test
    void unknownFlagExitsTwoAndPointsToHelp() {
        CliRun run = CliRun.of("scan", "http://127.0.0.1:1/", "--rat", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rat").contains("--help");
    }

    @Test
    void unknownCheckIdListsTheValidOnes() {
        CliRun run = CliRun.of("scan", "http://127.0.0.1:1/", "--checks", "no-such-check");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-check").contains("valid check ids").contains("cors-misconfiguration");
    }

    @Test
    void badRateSaysWhatToTypeInstead() {
        CliRun run = CliRun.of("scan", "http://127.0.0.1:1/", "--rate", "fast");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rate").contains("for example --rate 10");
    }

    @Test
    void unknownOutputExtensionIsAUsageError() {
        CliRun run = CliRun.of("scan", "http://127.0.0.1:1/", "-o", "report.docx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("report.docx");
    }

    @Test
    void missingCommandExplainsWhatToRun() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("parapet demo");
    }

    @Test
    void versionNamesParapet() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("parapet ");
    }
}
