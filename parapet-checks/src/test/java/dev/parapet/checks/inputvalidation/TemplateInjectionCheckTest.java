package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.TemplateInjectionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateInjectionCheckTest extends CheckContractTest {

    private List<Finding> vulnerable;

    @Override
    protected Check check() {
        return new TemplateInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return TemplateInjectionFixtures.sourceConcatenated();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return TemplateInjectionFixtures.inputAsData();
    }

    @BeforeAll
    void scanTheVulnerablePreviews() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            vulnerable = CheckHarness.findings(server.uri(), check());
        }
    }

    private Finding on(String parameter) {
        return vulnerable.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + parameter + " in " + vulnerable));
    }

    @Test
    void namesJinja2WhenAStringTimesThreeRepeatsTheString() {
        Finding f = on("name");
        assertThat(f.title()).contains("Jinja2 (Python)");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.tags()).contains("container-escape", "stage:host");
        assertThat(f.evidence()).contains("double-curly");
    }

    @Test
    void namesTwigOrNunjucksWhenAStringTimesThreeIsANumber() {
        assertThat(on("who").title()).contains("Twig (PHP) or Nunjucks");
    }

    @Test
    void findsFreeMarkerThroughItsErrorAnsweredAsTwoHundredAndItsGroupedDigits() {
        Finding f = on("note");
        assertThat(f.title()).contains("${ } engine");
        assertThat(f.evidence()).contains("dollar-curly");
    }

    @Test
    void namesErbForRubyRepetition() {
        assertThat(on("message").title()).contains("ERB (Ruby)");
    }

    @Test
    void findsHandlebarsWithoutArithmetic() {
        assertThat(on("label").title()).contains("Handlebars");
    }

    @Test
    void reportsEachInputOnce() {
        assertThat(vulnerable).extracting(Finding::parameter).containsExactlyInAnyOrder("name", "who", "note",
                "message", "label");
    }

    @Test
    void countsAResultOnlyWhenTheProbeItselfIsNotEchoed() {
        TemplateSyntaxes.Syntax curly = TemplateSyntaxes.load().syntaxes().getFirst();
        ArithmeticNonce n = new ArithmeticNonce(3000, 4000);
        assertThat(curly.evaluatedIn("Hello 12000000", "name=x {{3000*4000}}", n)).isTrue();
        assertThat(curly.evaluatedIn("Hello {{3000*4000}} 12000000", "", n)).isFalse();
        assertThat(curly.evaluatedIn("Hello {{3000*4000}}", "", n)).isFalse();
    }

    @Test
    void dataFileCoversTheCommonEngines() {
        TemplateSyntaxes data = TemplateSyntaxes.load();
        assertThat(data.syntaxes()).extracting(TemplateSyntaxes.Syntax::id).doesNotHaveDuplicates()
                .contains("double-curly", "dollar-curly", "velocity", "thymeleaf-inline", "spel-selection",
                        "percent-equals", "hash-curly", "handlebars-with");
        assertThat(data.fingerprints()).allSatisfy((id, fp) -> assertThat(data.syntaxes())
                .extracting(TemplateSyntaxes.Syntax::id).contains(id));
    }
}
