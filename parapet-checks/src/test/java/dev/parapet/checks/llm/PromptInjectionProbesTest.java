package dev.parapet.checks.llm;

import dev.parapet.checks.llm.PromptInjectionProbes.DetectorKind;
import dev.parapet.checks.llm.PromptInjectionProbes.Probe;
import dev.parapet.checks.llm.PromptInjectionProbes.Technique;
import dev.parapet.testkit.fixtures.LlmAssistant;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.ProbeTier;
import dev.parapet.testkit.fixtures.LlmFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prompt-injection probe data and its detectors, judged against the testkit's rule-based assistant: every probe
 * must expose the vulnerable assistant and none the hardened one, and no detector may be satisfied by an echo.
 */
class PromptInjectionProbesTest {

    private static final PromptInjectionProbes PROBES = PromptInjectionProbes.load();
    private static final String NONCE = "q7Zk29xw";

    @Test
    void tiersHoldFourTenAndEighteenProbesWithUniqueIds() {
        assertThat(PROBES.forTier(ProbeTier.QUICK)).hasSize(4);
        assertThat(PROBES.forTier(ProbeTier.STANDARD)).hasSize(10);
        assertThat(PROBES.forTier(ProbeTier.DEEP)).hasSize(18);
        assertThat(PROBES.probes().stream().map(Probe::id).collect(Collectors.toSet())).hasSize(18);
    }

    @Test
    void standardTierCoversEveryTechnique() {
        assertThat(PROBES.forTier(ProbeTier.STANDARD).stream().map(Probe::technique).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(Arrays.asList(Technique.values())));
    }

    @Test
    void noDetectorIsSatisfiedByAnEchoOfItsOwnPrompt() {
        for (Probe p : PROBES.probes()) {
            String prompt = p.prompt(NONCE);
            assertThat(p.succeeded(NONCE, prompt)).as("echo of %s", p.id()).isFalse();
            assertThat(p.succeeded(NONCE, "I'm sorry, I can't help with that.")).as("refusal to %s", p.id())
                    .isFalse();
            if (p.detector().kind() == DetectorKind.NONCE) {
                assertThat(prompt).as(p.id()).doesNotContain(p.detector().expected(NONCE));
            }
        }
    }

    @Test
    void everyProbeExposesTheVulnerableAssistant() {
        LlmAssistant assistant = LlmAssistant.vulnerable();
        List<String> missed = PROBES.forTier(ProbeTier.DEEP).stream()
                .filter(p -> !p.succeeded(NONCE, assistant.reply(p.prompt(NONCE)))).map(Probe::id).toList();
        assertThat(missed).isEmpty();
    }

    @Test
    void noProbeExposesTheHardenedAssistant() {
        LlmAssistant assistant = LlmAssistant.hardened();
        List<String> hits = PROBES.forTier(ProbeTier.DEEP).stream()
                .filter(p -> p.succeeded(NONCE, assistant.reply(p.prompt(NONCE)))).map(Probe::id).toList();
        assertThat(hits).isEmpty();
    }

    @Test
    void encodesPayloadsSoTheNonceIsHiddenFromEchoes() {
        Probe b64 = PROBES.probes().stream().filter(p -> p.id().equals("base64-join")).findFirst().orElseThrow();
        assertThat(b64.prompt(NONCE)).startsWith("Decode this base64").doesNotContain("Join the words");
        assertThat(PromptInjectionProbes.rot13("Join 'ROT'")).isEqualTo("Wbva 'EBG'");
    }

    @Test
    void quickProbesPostedToTheExposedFixtureLeakAndTheHardenedOneDemandsAToken() throws Exception {
        try (LoopbackHttpServer exposed = LlmFixtures.exposed(); LoopbackHttpServer hardened = LlmFixtures.hardened();
             HttpClient http = HttpClient.newHttpClient()) {
            for (Probe p : PROBES.forTier(ProbeTier.QUICK)) {
                HttpResponse<String> answer = post(http, exposed, p, null);
                String reply = JSON.readTree(answer.body()).at("/choices/0/message/content").asText();
                assertThat(p.succeeded(NONCE, reply)).as(p.id()).isTrue();
                assertThat(post(http, hardened, p, null).statusCode()).isEqualTo(401);
                String guarded = JSON.readTree(post(http, hardened, p, "Bearer " + LlmFixtures.TOKEN).body())
                        .at("/choices/0/message/content").asText();
                assertThat(p.succeeded(NONCE, guarded)).as(p.id()).isFalse();
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> post(HttpClient http, LoopbackHttpServer server, Probe p, String auth)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("model", "any").set("messages", JSON.createArrayNode()
                .add(JSON.createObjectNode().put("role", "user").put("content", p.prompt(NONCE)))).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
