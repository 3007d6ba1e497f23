package dev.parapet.engine;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksShareProbesAndKeepToBudgetsTest {

    private final AtomicInteger sharedHits = new AtomicInteger();
    private final AtomicInteger budgetHits = new AtomicInteger();
    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.builder()
                .route("GET", "/shared", r -> {
                    sharedHits.incrementAndGet();
                    try {
                        Thread.sleep(200); // long enough for both checks to ask while the first request is out
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Response.json(200, "{\"shared\":true}");
                })
                .route("GET", "/b/*", r -> {
                    budgetHits.incrementAndGet();
                    return Response.json(200, "{}");
                })
                .route("GET", "/", r -> Response.json(200, "{\"ok\":true}"))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void identicalProbesFromTwoChecksShareOneRequest() throws Exception {
        Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
        FixtureCheck.Body probeShared = (ctx, self) -> {
            statuses.add(ctx.probe(ProbeRequest.get(server.uri("/shared"))).status());
            return CheckOutcome.none();
        };
        ScanReport report = scan(List.of(FixtureCheck.of("first", probeShared), FixtureCheck.of("second", probeShared)));
        assertThat(sharedHits).hasValue(1);
        assertThat(statuses).containsExactly(200, 200);
        assertThat(report.stats().probesShared()).isEqualTo(1);
        // each check still pays for the probe from its own budget
        assertThat(report.checks()).extracting(CheckRun::requests).containsOnly(1);
    }

    @Test
    void refusesProbesBeyondACheckBudgetAndCountsTheRefusals() throws Exception {
        Queue<ExchangeOutcome> outcomes = new ConcurrentLinkedQueue<>();
        FixtureCheck greedy = new FixtureCheck("greedy", dev.parapet.model.Category.RATE_LIMITING, 2, (ctx, self) -> {
            for (int i = 0; i < 5; i++) {
                Exchange e = ctx.probe(ProbeRequest.get(server.uri("/b/" + i)));
                outcomes.add(e.outcome());
            }
            assertThat(ctx.remainingBudget()).isZero();
            return CheckOutcome.none();
        });
        ScanReport report = scan(List.of(greedy));
        assertThat(budgetHits).hasValue(2);
        assertThat(outcomes).containsExactly(ExchangeOutcome.ANSWERED, ExchangeOutcome.ANSWERED,
                ExchangeOutcome.BUDGET_EXHAUSTED, ExchangeOutcome.BUDGET_EXHAUSTED, ExchangeOutcome.BUDGET_EXHAUSTED);
        CheckRun run = report.checks().getFirst();
        assertThat(run.requests()).isEqualTo(2);
        assertThat(run.refusedOverBudget()).isEqualTo(3);
    }

    private ScanReport scan(List<dev.parapet.spi.Check> checks) throws Exception {
        return new ScanEngine("t", EngineFixtures.config(server.uri()), checks, new EventBus(List.of()), "test").run();
    }
}
