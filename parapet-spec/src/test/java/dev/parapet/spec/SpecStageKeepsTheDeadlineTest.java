package dev.parapet.spec;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.Category;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.service.ScanService;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec stage shares the scan's deadline: documented operations queued behind the rate limit when the time
 * budget runs out are cancelled, not sent late.
 */
class SpecStageKeepsTheDeadlineTest {

    private static final int OPERATIONS = 500;

    /** Sends nothing; the scan needs one check to run. */
    private static final class Idle implements Check {
        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor("idle", Category.INVENTORY, "Idle", "Sends nothing.", Severity.INFO,
                    List.of(1059), 1, Set.of(), "None.");
        }

        @Override
        public CheckOutcome run(CheckContext ctx) {
            return CheckOutcome.none();
        }
    }

    @Test
    void documentedOperationsQueuedPastTheTimeBudgetAreNeverSent(@TempDir Path dir) throws Exception {
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < OPERATIONS; i++) {
            paths.append(i == 0 ? "" : ",").append("\"/items").append(i)
                    .append("\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
        }
        Path spec = Files.writeString(dir.resolve("openapi.json"), "{\"openapi\":\"3.0.3\",\"info\":{\"title\":"
                + "\"Slow\",\"version\":\"1\"},\"paths\":{" + paths + "}}");
        AtomicInteger documentedCalls = new AtomicInteger();
        try (LoopbackHttpServer slow = LoopbackHttpServer.builder()
                .route("GET", "/items*", r -> {
                    documentedCalls.incrementAndGet();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Response.json(200, "[]");
                })
                .route("GET", "/", r -> Response.json(200, "{\"name\":\"slow\"}"))
                .route("GET", "*", r -> Response.json(404, "{}")).start()) {
            ScanConfig config = ScanConfig.defaults(slow.uri()).withSpec(spec.toString(), 0)
                    .withRate(20, 4).withMaxTime(Duration.ofSeconds(5)).withMaxRequests(10_000);
            ScanReport report = new ScanService(List.of(new Idle())).run(config, List.of());
            // 20 requests a second for 5 s is 100; the slack covers requests already in flight at the deadline
            assertThat(documentedCalls.get()).isPositive().isLessThanOrEqualTo(120);
            assertThat(report.stats().requestsSent()).isLessThan(OPERATIONS / 4);
        }
    }
}
