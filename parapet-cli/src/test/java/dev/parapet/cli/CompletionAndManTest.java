package dev.parapet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet completion} and {@code parapet man}: generated from the commands, so they name every option. */
class CompletionAndManTest {

    @TempDir
    Path dir;

    @Test
    void printsABashCompletionScriptThatKnowsTheCommandsAndTheirOptionsAndThatBashParses() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F _complete_parapet -o default parapet", "_picocli_parapet_scan",
                "_picocli_parapet_demo", "'--fail-on'", "'--details'");
        Path script = dir.resolve("parapet.bash");
        Files.writeString(script, run.out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void theZshScriptLoadsBashCompletionSupportFirst() {
        CliRun run = CliRun.of("completion", "zsh");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("bashcompinit");
    }

    @Test
    void refusesAnUnknownShell() {
        assertThat(CliRun.of("completion", "fish").exitCode()).isEqualTo(2);
    }

    @Test
    void printsTheManualPageOfACommandInRoff() {
        CliRun run = CliRun.of("man", "scan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(".TH PARAPET-SCAN 1").contains(".SH NAME\nparapet\\-scan \\- ")
                .contains(".SH OPTIONS").contains("\\fB\\-\\-fail\\-on\\fR").contains(".SH EXIT STATUS");
        assertThat(run.out().lines().filter(l -> l.startsWith(".") && !l.matches("\\.(TH|SH|TP|PP|B)( .*)?")))
                .as("no text line starts with a roff control character").isEmpty();
    }

    @Test
    void writesEveryPageIntoADirectory() throws Exception {
        CliRun run = CliRun.of("man", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("parapet.1")).exists();
        assertThat(Files.readString(dir.resolve("parapet.1"))).contains(".SH COMMANDS", "\\fBscan\\fR");
        assertThat(dir.resolve("parapet-demo.1")).exists();
        assertThat(dir.resolve("parapet-checks.1")).exists();
    }
}
