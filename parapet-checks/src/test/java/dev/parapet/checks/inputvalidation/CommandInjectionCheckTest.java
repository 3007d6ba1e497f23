package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.support.InputPoints;
import dev.parapet.config.Identities;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.ValueShape;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.CommandInjectionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandInjectionCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new CommandInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return CommandInjectionFixtures.shellLookup();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return CommandInjectionFixtures.argumentList();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    private static Finding on(List<Finding> findings, String parameter) {
        return findings.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + parameter + " in " + findings));
    }

    @Test
    void flagsAHostPastedIntoAShellCommandLineAsCriticalAndConfirmed() throws IOException {
        Finding f = on(findingsOn(CommandInjectionFixtures.shellLookup()), "host");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.tags()).contains("container-escape", "stage:host");
        assertThat(f.evidence()).contains("spelling: semicolon").contains("again with").contains("holds neither");
        assertThat(f.exchanges()).hasSize(3);
        assertThat(f.curl()).contains("/api/tools/lookup?host=localhost");
    }

    @Test
    void flagsAVersionedPingThatDoubleQuotesItsTargetAndAnswersFailuresAsTwoHundredErrors() throws IOException {
        Finding f = on(findingsOn(CommandInjectionFixtures.shellLookup()), "target");
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/v2/diagnostics/ping");
    }

    @Test
    void flagsAWindowsServerThroughCmdExeSetA() throws IOException {
        Finding f = on(findingsOn(CommandInjectionFixtures.windowsLookup()), "host");
        assertThat(f.title()).contains("cmd.exe");
        assertThat(f.evidence()).contains("spelling: windows-ampersand");
    }

    @Test
    void staysQuietWhenTheInputIsQuotedForTheShell() throws IOException {
        assertThat(findingsOn(CommandInjectionFixtures.shellQuoted())).isEmpty();
    }

    @Test
    void findsABlindInjectionByItsDelayOnlyInActiveMode() throws IOException {
        try (LoopbackHttpServer server = CommandInjectionFixtures.blindLookup()) {
            assertThat(CheckHarness.findings(server.uri(), check())).as("safe mode sends no sleep").isEmpty();
            List<Finding> active = CheckHarness.scan(ActiveScans.config(server.uri(), Identities.NONE, false),
                    List.of(check())).findings();
            assertThat(active).singleElement().satisfies(f -> {
                assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
                assertThat(f.evidence()).contains("control with sleep 0");
            });
        }
    }

    @Test
    void testsTextInputsButNotNumbersOrBooleans() {
        CommandInjectionCheck check = new CommandInjectionCheck();
        assertThat(check.appliesTo(InputPoints.query("host", "localhost", ValueShape.HOST, ValueShape.FREE_TEXT)))
                .isTrue();
        assertThat(check.appliesTo(InputPoints.query("page", "2", ValueShape.NUMERIC))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("active", "true", ValueShape.BOOLEAN))).isFalse();
    }

    @Test
    void dataFileScreensTheMainSpellingsAndBoundsEveryDelayToThreeSeconds() {
        ShellSpellings data = ShellSpellings.load();
        assertThat(data.spellings()).extracting(ShellSpellings.Spelling::id).doesNotHaveDuplicates()
                .contains("semicolon", "command-substitution", "pipe", "and", "backtick", "newline",
                        "windows-ampersand");
        assertThat(data.screened()).extracting(ShellSpellings.Spelling::id).startsWith("semicolon");
        assertThat(data.spellings()).allSatisfy(s -> assertThat(s.value()).contains("@V@", "@A@", "@B@"));
        assertThat(data.delay().screenSeconds()).isBetween(1, 3);
        assertThat(data.delay().confirmSeconds()).isBetween(1, 3);
    }

    @Test
    void productsCountOnlyWhenTheValueSentDoesNotHoldThem() {
        ArithmeticNonce n = new ArithmeticNonce(3000, 4000);
        assertThat(n.productIn("output: 12000000", "x;echo $((3000*4000))")).isTrue();
        assertThat(n.productIn("output: 12,000,000", "")).isTrue();
        assertThat(n.productIn("x;echo 12000000", "x;echo 12000000")).isFalse();
        assertThat(n.productIn("x;echo $((3000*4000))", "x;echo $((3000*4000))")).isFalse();
    }
}
