package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.support.InputPoints;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.ValueShape;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.XssFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReflectedXssCheckTest extends CheckContractTest {

    private List<Finding> vulnerable;

    @Override
    protected Check check() {
        return new ReflectedXssCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return XssFixtures.reflecting();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return XssFixtures.encoding();
    }

    @BeforeAll
    void scanTheReflectingPages() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            vulnerable = CheckHarness.findings(server.uri(), check());
        }
    }

    private Finding on(String parameter) {
        return vulnerable.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + parameter + " in " + vulnerable));
    }

    @Test
    void flagsAQueryWrittenAsMarkupIntoAnHtmlHeadingAsHigh() {
        Finding f = on("q");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.title()).contains("element content");
        assertThat(f.evidence()).contains("text/html").contains("no Content-Security-Policy");
    }

    @Test
    void flagsAnAttributeThatEscapesOnlyAngleBrackets() {
        Finding f = on("theme");
        assertThat(f.title()).contains("a double-quoted attribute");
        assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/v2/widgets");
    }

    @Test
    void flagsAPageWithoutContentTypeAsMediumSinceBrowsersOnlySniffIt() {
        Finding f = on("title");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.evidence()).contains("sniffed");
    }

    @Test
    void neverFlagsJsonWithAJsonContentTypePlainTextWithNosniffOrTheBodyOfARedirect() {
        assertThat(vulnerable).extracting(f -> f.endpoint().uri().getPath())
                .doesNotContain("/api/products", "/export", "/lang");
    }

    @Test
    void readsTheContextOfEachReflection() {
        String m = "pxs0123456789";
        assertThat(HtmlReflection.contextAt("<h1>" + m, 4)).isEqualTo(HtmlReflection.Context.ELEMENT);
        assertThat(HtmlReflection.contextAt("<input value=\"" + m, 14)).isEqualTo(HtmlReflection.Context.DOUBLE_QUOTED);
        assertThat(HtmlReflection.contextAt("<input value='" + m, 14)).isEqualTo(HtmlReflection.Context.SINGLE_QUOTED);
        assertThat(HtmlReflection.contextAt("<input value=" + m, 13)).isEqualTo(HtmlReflection.Context.UNQUOTED);
    }

    @Test
    void testsQueryAndPathTextButNotHeaders() {
        ReflectedXssCheck check = new ReflectedXssCheck();
        assertThat(check.appliesTo(InputPoints.query("q", "grinder", ValueShape.FREE_TEXT))).isTrue();
        assertThat(check.appliesTo(InputPoints.query("page", "2", ValueShape.NUMERIC))).isFalse();
    }
}
