package dev.parapet.cli;

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
    void unknownHostExitsThreeAndSaysSo() {
        CliRun run = CliRun.of("scan", "http://no-such-host.invalid/");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("unknown host no-such-host.invalid");
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
