package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ScanEngineSendsPromptsOnlyThroughItsGateTest {

    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final Map<String, Exchange> seen = new ConcurrentHashMap<>();

    @Test
    void promptsAnLlmEndpointInSafeModeWhileOtherPostsStayRefused() throws Exception {
        try (LoopbackHttpServer server = server()) {
            run(server, ScanMode.SAFE);
        }
        assertThat(seen.get("prompt").outcome()).isEqualTo(ExchangeOutcome.ANSWERED);
        assertThat(seen.get("prompt").request().body()).contains("\"messages\"").contains("what is 2+2?");
        assertThat(posted).containsExactly("{\"messages\":[{\"role\":\"user\",\"content\":\"what is 2+2?\"}]}");
        assertThat(seen.get("post").outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(seen.get("notLlm").outcome()).isEqualTo(ExchangeOutcome.REFUSED);
    }

    @Test
    void sendsNoPromptInPassiveMode() throws Exception {
        try (LoopbackHttpServer server = server()) {
            run(server, ScanMode.PASSIVE);
        }
        assertThat(seen.get("prompt").outcome()).isEqualTo(ExchangeOutcome.REFUSED);
        assertThat(seen.get("prompt").error()).contains("passive mode");
        assertThat(posted).isEmpty();
    }

    private LoopbackHttpServer server() throws java.io.IOException {
        return LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"chat\":\"/v1/chat/completions\",\"users\":\"/users\"}"))
                .route("GET", "/users", r -> Response.json(200, "[]"))
                .route("POST", "/v1/chat/completions", r -> {
                    posted.add(r.body());
                    return Response.json(200, "{\"choices\":[{\"message\":{\"content\":\"4\"}}]}");
                })
                .route("POST", "/users", r -> {
                    posted.add(r.body());
                    return Response.json(201, "{}");
                })
                .start();
    }

    private void run(LoopbackHttpServer server, ScanMode mode) throws Exception {
        FixtureCheck prompter = FixtureCheck.of("prompter", (ctx, self) -> {
            seen.put("prompt", ctx.prompt(server.uri("/v1/chat/completions"), "what is 2+2?"));
            seen.put("post", ctx.probe(ProbeRequest.of("POST", server.uri("/users"))
                    .withBody("application/json", "{}")));
            seen.put("notLlm", ctx.prompt(server.uri("/users"), "hello"));
            return CheckOutcome.none();
        });
        ScanConfig c = EngineFixtures.config(server.uri()).withMode(mode, "");
        new ScanEngine("t", c, List.of(prompter), new EventBus(List.of()), "test").run();
    }
}
