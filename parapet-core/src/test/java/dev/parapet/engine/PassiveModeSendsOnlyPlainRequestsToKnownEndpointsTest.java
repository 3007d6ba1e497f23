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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PassiveModeSendsOnlyPlainRequestsToKnownEndpointsTest {

    @Test
    void refusesUndiscoveredUrlsCraftedHeadersAndBodiesWithoutSendingThem() throws Exception {
        AtomicInteger hidden = new AtomicInteger();
        Map<String, Exchange> seen = new ConcurrentHashMap<>();
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/hidden", r -> {
                    hidden.incrementAndGet();
                    return Response.json(200, "{}");
                })
                .route("*", "/", r -> Response.json(200, "{\"users\": \"/users\"}"))
                .route("*", "/users", r -> Response.json(200, "[]"))
                .start()) {
            FixtureCheck prober = FixtureCheck.of("prober", (ctx, self) -> {
                seen.put("target", ctx.probe(ProbeRequest.get(server.uri())));
                seen.put("discovered", ctx.probe(ProbeRequest.get(server.uri("/users"))));
                seen.put("head", ctx.probe(ProbeRequest.of("HEAD", server.uri("/users"))));
                seen.put("hidden", ctx.probe(ProbeRequest.get(server.uri("/hidden"))));
                seen.put("header", ctx.probe(ProbeRequest.get(server.uri()).withHeader("Origin", "https://x.invalid")));
                return CheckOutcome.none();
            });
            ScanConfig c = EngineFixtures.config(server.uri());
            ScanConfig passive = new ScanConfig(c.target(), c.scope(), ScanMode.PASSIVE, c.context(), c.rate(),
                    c.concurrency(), c.maxTime(), c.connectTimeout(), c.readTimeout(), c.maxBodyBytes(),
                    c.maxRedirects(), c.hostErrorBudget(), c.maxDiscoveredEndpoints(), c.checks(), c.insecure());
            new ScanEngine("t", passive, List.of(prober), new EventBus(List.of()), "test").run();
        }
        assertThat(seen.get("target").status()).isEqualTo(200);
        assertThat(seen.get("discovered").status()).isEqualTo(200);
        assertThat(seen.get("head").status()).isEqualTo(200);
        assertThat(seen.get("hidden").outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(seen.get("hidden").error()).contains("passive mode");
        assertThat(seen.get("header").outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(hidden).hasValue(0);
    }
}
