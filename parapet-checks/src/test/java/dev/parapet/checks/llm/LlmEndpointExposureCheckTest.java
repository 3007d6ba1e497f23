package dev.parapet.checks.llm;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.LlmAssistant;
import dev.parapet.testkit.fixtures.LlmFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmEndpointExposureCheckTest extends CheckContractTest {

    private static final LlmSignatures SIG = LlmSignatures.load();

    @Override
    protected Check check() {
        return new LlmEndpointExposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return LlmFixtures.exposed();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return LlmFixtures.hardened();
    }

    @Test
    void reportsAnonymousModelOutputSystemPromptAndMetadata() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.title()).contains("/ask answers without authentication");
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.evidence()).contains("choices.0.message.content").contains(LlmAssistant.MODEL);
            });
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.title()).contains("system prompt disclosed by /api/assistant");
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.evidence()).contains("system_prompt: 'You are ShopBot")
                        .doesNotContain(LlmAssistant.CANARY);
            });
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.title()).contains("model or token usage disclosed by /ask");
                assertThat(f.severity()).isEqualTo(Severity.LOW);
                assertThat(f.evidence()).contains("usage.total_tokens");
            });
        }
    }

    @Test
    void recognisesOllamaAndOpenAiShapesButNotOrdinaryJson() {
        assertThat(LlmShape.of("/x", "{\"model\":\"llama3\",\"message\":{\"role\":\"assistant\",\"content\":\"hi\"}}",
                SIG)).isPresent();
        assertThat(LlmShape.of("/x", "{\"choices\":[{\"text\":\"hi\"}],\"usage\":{\"total_tokens\":3}}", SIG))
                .isPresent();
        assertThat(LlmShape.of("/api/chat", "{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}", SIG)).isPresent();
        assertThat(LlmShape.of("/ask", "{\"answer\":\"We open at 9.\"}", SIG)).isEmpty();
        assertThat(LlmShape.of("/faq", "{\"answer\":\"Yes.\",\"usage\":{\"total_tokens\":9}}", SIG)).isPresent();
        assertThat(LlmShape.of("/api/printers", "{\"model\":\"X100\",\"response\":\"ready\"}", SIG)).isEmpty();
        assertThat(LlmShape.of("/api/orders", "{\"answer\":\"yes\",\"id\":3}", SIG)).isEmpty();
        assertThat(LlmShape.of("/api/assistant", "{\"name\":\"ShopBot\",\"status\":\"ok\"}", SIG)).isEmpty();
        assertThat(LlmShape.of("/api/cars", "{\"model\":\"Corolla\",\"make\":\"Toyota\"}", SIG)).isEmpty();
    }

    @Test
    void signaturesLoadAndLlmPathsAreTheEnginesOwn() {
        assertThat(dev.parapet.spi.LlmEndpoints.PATH.matcher("/v1/chat/completions").find()).isTrue();
        assertThat(dev.parapet.spi.LlmEndpoints.PATH.matcher("/api/products").find()).isFalse();
        assertThat(SIG.probePaths()).allMatch(p -> p.startsWith("/"));
    }

    @Test
    void judgesDiscoveredExchangesWithoutProbingInPassiveMode() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            var report = PassiveScans.scan(server.uri(), check());
            assertThat(report.findings()).extracting(Finding::title)
                    .anyMatch(t -> t.contains("system prompt disclosed by /api/assistant"));
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }
}
