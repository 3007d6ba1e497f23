package dev.parapet.checks.llm;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.checks.llm.PromptInjectionProbes.Technique;
import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.LlmAssistant;
import dev.parapet.testkit.fixtures.LlmFixtures;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PromptInjectionCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new PromptInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return LlmFixtures.exposed();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return LlmFixtures.hardened();
    }

    /** With the hardened twin's token, so prompts reach its assistant instead of stopping at a 401. */
    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withIdentities(new Identities(new Credentials(
                List.of(new Headers.Field("Authorization", "Bearer " + LlmFixtures.TOKEN))), Credentials.NONE));
    }

    private ScanReport scan(LoopbackHttpServer server, ProbeTier tier) {
        return CheckHarness.scan(configFor(server.uri()).withTier(tier), List.of(check()));
    }

    /** Findings keyed by the technique whose title they carry; fails on two findings of one technique. */
    private static Map<Technique, Finding> byTechnique(ScanReport report) {
        PromptInjectionTechniques reports = PromptInjectionTechniques.load();
        return report.findings().stream().collect(Collectors.toMap(f -> Arrays.stream(Technique.values())
                .filter(t -> reports.of(t).title().formatted(f.endpoint().uri().getRawPath()).equals(f.title()))
                .findFirst().orElseThrow(), Function.identity()));
    }

    @Test
    void deepTierProvesEveryTechniqueOnTheVulnerableAssistantWithItsOwnArtefact() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            Map<Technique, Finding> found = byTechnique(scan(server, ProbeTier.DEEP));
            assertThat(found).containsOnlyKeys(Technique.values());
            assertThat(found.values()).allSatisfy(f -> assertThat(f.endpoint().display())
                    .isEqualTo("POST /v1/chat/completions"));
            assertThat(found.get(Technique.INSTRUCTION_OVERRIDE).evidence()).contains("reply carries 'PARAPET-");
            assertThat(found.get(Technique.ENCODED_INSTRUCTION).evidence()).contains("reply carries 'B64-");
            assertThat(found.get(Technique.ROLE_PLAY_JAILBREAK).evidence()).contains("reply carries 'FREE-");
            assertThat(found.get(Technique.INDIRECT_INJECTION).evidence()).contains("reply carries 'DOC-");
            assertThat(found.get(Technique.SYSTEM_PROMPT_EXTRACTION).evidence()).contains("You are ShopBot")
                    .doesNotContain(LlmAssistant.CANARY);
            assertThat(found.get(Technique.PII_EXTRACTION).evidence()).contains("jane****")
                    .doesNotContain("customer-mail");
            assertThat(found.get(Technique.TOOL_LISTING).evidence()).contains("refund_order, lookup_customer");
            assertThat(found.get(Technique.COST_EXPLOITATION).evidence()).contains("2000 output tokens reported");
        }
    }

    @Test
    void ratesConfidenceByTheKindOfArtefactReadBack() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            Map<Technique, Finding> found = byTechnique(scan(server, ProbeTier.STANDARD));
            assertThat(found.get(Technique.INSTRUCTION_OVERRIDE).confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(found.get(Technique.ENCODED_INSTRUCTION).confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(found.get(Technique.SYSTEM_PROMPT_EXTRACTION).confidence()).isEqualTo(Confidence.FIRM);
            assertThat(found.get(Technique.COST_EXPLOITATION).confidence())
                    .as("long by characters and by reported tokens").isEqualTo(Confidence.FIRM);
        }
    }

    @Test
    void quickTierSendsFewerPromptsThanStandardAndDeepNeverFewer() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            int quick = CheckHarness.onlyRun(scan(server, ProbeTier.QUICK)).requests();
            int standard = CheckHarness.onlyRun(scan(server, ProbeTier.STANDARD)).requests();
            CheckRun deepRun = CheckHarness.onlyRun(scan(server, ProbeTier.DEEP));
            int deep = deepRun.requests();
            assertThat(deepRun.refusedOverBudget()).isZero();
            assertThat(quick).isLessThan(standard);
            // deep adds probes for techniques standard already proved here, and a proved technique is not re-probed
            assertThat(standard).isLessThanOrEqualTo(deep);
            assertThat(deep).isLessThanOrEqualTo(check().descriptor().requestBudget());
        }
    }

    @Test
    void quickTierFindsOnlyTheQuickTechniques() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            assertThat(byTechnique(scan(server, ProbeTier.QUICK))).containsOnlyKeys(
                    Technique.SYSTEM_PROMPT_EXTRACTION, Technique.INSTRUCTION_OVERRIDE, Technique.ENCODED_INSTRUCTION);
        }
    }

    @Test
    void anAssistantThatEchoesEveryPromptIsNotFlagged() throws IOException {
        try (LoopbackHttpServer server = assistant(body -> body)) {
            ScanReport report = scan(server, ProbeTier.DEEP);
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.COMPLETED);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void anAssistantThatNeverRefusesButNeverLeaksIsNotFlagged() throws IOException {
        try (LoopbackHttpServer server = assistant(body -> "Sure! Here is a short, friendly answer about kettles.")) {
            assertThat(scan(server, ProbeTier.DEEP).findings()).isEmpty();
        }
    }

    @Test
    void leavesAnEndpointAfterOneUnansweredPrompt() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.hardened()) {
            ScanReport report = CheckHarness.scan(CheckHarness.config(server.uri()).withTier(ProbeTier.DEEP),
                    List.of(check()));
            CheckRun run = CheckHarness.onlyRun(report);
            assertThat(run.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(run.reason()).contains("answered a prompt");
            assertThat(run.requests()).as("one prompt to each of the two endpoints probed").isEqualTo(2);
        }
    }

    @Test
    void sendsNothingInPassiveMode() throws IOException {
        try (LoopbackHttpServer server = LlmFixtures.exposed()) {
            CheckRun run = CheckHarness.onlyRun(PassiveScans.scan(server.uri(), check()));
            assertThat(run.status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(run.requests()).isZero();
        }
    }

    @Test
    void techniqueReportsLoadForEveryTechnique() {
        PromptInjectionTechniques t = PromptInjectionTechniques.load();
        for (Technique technique : Technique.values()) {
            assertThat(t.of(technique).title()).contains("%s");
            assertThat(t.of(technique).remediation()).isNotBlank();
        }
    }

    @Test
    void keepsWhatItProvedWhenTheEngineStopsSendingPrompts() throws Exception {
        URI chat = URI.create("http://127.0.0.1:9/v1/chat/completions");
        Inventory inventory = new Inventory(chat.resolve("/"), List.of(new Endpoint("GET", chat,
                Endpoint.Source.DISCOVERED)), List.of(), List.of());
        LlmAssistant assistant = LlmAssistant.vulnerable();
        int[] sent = {0};
        CheckContext ctx = new CheckContext() {
            public Inventory inventory() {
                return inventory;
            }

            public ScanMode mode() {
                return ScanMode.SAFE;
            }

            public Exchange prompt(URI uri, String text) {
                HttpRequestRecord request = new HttpRequestRecord("POST", uri, Headers.EMPTY, text);
                if (++sent[0] > 2) {
                    return Exchange.failed(request, ExchangeOutcome.REFUSED, "window used up", Duration.ZERO);
                }
                String body = "{\"choices\":[{\"message\":{\"content\":"
                        + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(assistant.reply(text)) + "}}]}";
                return Exchange.answered(request, new HttpResponseRecord(200,
                        Headers.of("Content-Type", "application/json"), body, body.length(), false, ""), Duration.ZERO, 0);
            }

            public Exchange probe(ProbeRequest request) {
                throw new AssertionError("the check only prompts");
            }

            public int remainingBudget() {
                return 100;
            }

            public TlsHandshake tlsHandshake(String protocol) {
                throw new AssertionError("the check only prompts");
            }
        };
        CheckOutcome outcome = check().run(ctx);
        assertThat(outcome).isInstanceOfSatisfying(CheckOutcome.Findings.class,
                f -> assertThat(f.findings()).hasSize(2));
        assertThat(sent[0]).as("no prompt after the first refusal").isEqualTo(3);
    }

    /** A chat route whose reply is {@code reply} applied to the request body, linked from the root. */
    private static LoopbackHttpServer assistant(Function<String, String> reply) throws IOException {
        return LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"chat\":\"/api/chat\"}"))
                .route("POST", "/api/chat", r -> Response.json(200, new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode().put("reply", reply.apply(r.body())).toString()))
                .start();
    }
}
