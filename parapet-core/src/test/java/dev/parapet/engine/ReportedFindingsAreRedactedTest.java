package dev.parapet.engine;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.event.ScanEvent;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedFindingsAreRedactedTest {

    @Test
    void findingsLeaveTheEngineWithoutTheSecretsTheirExchangesCarried() throws Exception {
        Queue<ScanEvent> events = new ConcurrentLinkedQueue<>();
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/me", r -> Response.json(200, "{\"user\":\"alice\",\"password\":\"pw-secret-1\"}")
                        .header("Set-Cookie", "sid=cookie-secret-2; HttpOnly"))
                .route("GET", "/", r -> Response.json(200, "{}"))
                .start()) {
            FixtureCheck leaky = FixtureCheck.of("leaky", (ctx, self) -> {
                Exchange e = ctx.probe(ProbeRequest.get(server.uri("/me?api_key=key-secret-3"))
                        .withHeader("Authorization", "Bearer bearer-secret-4"));
                return CheckOutcome.findings(List.of(Finding.builder(self.id(), self.category()).title("leaks")
                        .evidence(e.body()).exchange(e).build()));
            });
            ScanReport report = new ScanEngine("t", EngineFixtures.config(server.uri()), List.of(leaky),
                    new EventBus(List.of(events::add)), "test").run();
            Finding reported = report.findings().getFirst();
            Finding announced = events.stream().filter(ev -> ev instanceof ScanEvent.FindingReported)
                    .map(ev -> ((ScanEvent.FindingReported) ev).finding()).findFirst().orElseThrow();
            for (Finding f : List.of(reported, announced)) {
                String all = f.curl() + f.evidence() + f.exchanges();
                assertThat(all).doesNotContain("pw-secret-1").doesNotContain("cookie-secret-2")
                        .doesNotContain("key-secret-3").doesNotContain("bearer-secret-4");
                assertThat(f.curl()).contains("Bearer [redacted]").contains("api_key=REDACTED");
            }
        }
    }
}
