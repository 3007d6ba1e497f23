package dev.parapet.spi;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LlmEndpointsTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:9/");

    @Test
    void recognisesLlmLikePathsAndDropsTheirQuery() {
        Inventory inv = inventory(List.of(endpoint("/ask?q=hello"), endpoint("/api/orders")), List.of(), ApiSpec.EMPTY);
        assertThat(LlmEndpoints.in(inv)).extracting(LlmEndpoints.Target::uri).containsExactly(TARGET.resolve("/ask"));
        assertThat(LlmEndpoints.find(inv, TARGET.resolve("/ask?q=other"))).isPresent();
        assertThat(LlmEndpoints.find(inv, TARGET.resolve("/api/orders"))).isEmpty();
    }

    @Test
    void recognisesAModelApiResponseShapeOnAnyPathAndTakesItsModelAndFormat() {
        Exchange answer = answered("/api/support", "{\"model\":\"llama3\",\"response\":\"Hi\",\"done\":true,\"eval_count\":12}");
        Inventory inv = inventory(List.of(endpoint("/api/support")), List.of(answer), ApiSpec.EMPTY);
        LlmEndpoints.Target t = LlmEndpoints.in(inv).getFirst();
        assertThat(t.format()).isEqualTo(PromptFormat.PROMPT);
        assertThat(t.model()).isEqualTo("llama3");
        assertThat(t.format().body("hi", t.model())).isEqualTo("{\"model\":\"llama3\",\"prompt\":\"hi\"}");
    }

    @Test
    void ignoresOrdinaryJsonWithAModelField() {
        Exchange car = answered("/api/cars/1", "{\"model\":\"Corolla\",\"response\":\"in stock\"}");
        Exchange printer = answered("/api/printers", "{\"message\":{\"content\":\"ready\"}}");
        Inventory inv = inventory(List.of(endpoint("/api/cars/1"), endpoint("/api/printers")), List.of(car, printer),
                ApiSpec.EMPTY);
        assertThat(LlmEndpoints.in(inv)).isEmpty();
    }

    @Test
    void prefersTheDocumentedRequestBodyThenThePath() {
        ApiOperation op = new ApiOperation("POST", "/assistant", "", false, List.of(), false, Set.of(),
                Set.of("prompt", "temperature"), List.of(), Optional.of(TARGET.resolve("/assistant")));
        ApiSpec spec = new ApiSpec("spec.json", "3.0.3", List.of(op), List.of(), List.of(), 1, 0);
        Inventory documented = inventory(List.of(endpoint("/assistant")), List.of(), spec);
        assertThat(LlmEndpoints.in(documented).getFirst().format()).isEqualTo(PromptFormat.PROMPT);

        Inventory undocumented = inventory(List.of(endpoint("/assistant"), endpoint("/v1/chat/completions")),
                List.of(), ApiSpec.EMPTY);
        assertThat(LlmEndpoints.in(undocumented)).extracting(LlmEndpoints.Target::format)
                .containsExactly(PromptFormat.MESSAGE, PromptFormat.OPENAI_CHAT);
        assertThat(PromptFormat.MESSAGE.body("hi", "gpt")).isEqualTo("{\"message\":\"hi\"}");
    }

    private static Endpoint endpoint(String path) {
        return new Endpoint("GET", TARGET.resolve(path), Endpoint.Source.DISCOVERED);
    }

    private static Exchange answered(String path, String json) {
        return Exchange.answered(new HttpRequestRecord("GET", TARGET.resolve(path), Headers.EMPTY, ""),
                new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"), json, json.length(),
                        false, ""), Duration.ZERO, 0);
    }

    private static Inventory inventory(List<Endpoint> endpoints, List<Exchange> exchanges, ApiSpec spec) {
        return new Inventory(TARGET, endpoints, exchanges, List.of(), spec);
    }
}
