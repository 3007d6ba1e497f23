package dev.parapet.engine;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.event.ScanEvent;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScanEngineStopsWithinItsBudgetsTest {

    private final AtomicInteger spins = new AtomicInteger();
    private final CountDownLatch spinning = new CountDownLatch(5);
    private final Queue<ScanEvent> events = new ConcurrentLinkedQueue<>();
    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.builder()
                .route("GET", "/spin", r -> {
                    spins.incrementAndGet();
                    spinning.countDown();
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
    void aScanWhoseChecksAllFinishIsComplete() throws Exception {
        ScanReport report = engine(EngineFixtures.config(server.uri()), List.of(quick())).run();
        assertThat(report.complete()).isTrue();
        assertThat(report.incompleteReason()).isEmpty();
        assertThat(report.findings()).hasSize(1);
    }

    @Test
    void aScanStartedOnABusyCommonPoolStillGetsItsAnswers() throws Exception {
        // Every other common-pool worker is blocked, as in a server that runs scans from supplyAsync: the
        // transport must not need the common pool to deliver responses.
        int others = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() - 1;
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < others; i++) {
            CompletableFuture.runAsync(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            ScanEngine engine = engine(EngineFixtures.config(server.uri()), List.of(quick()));
            ScanReport report = CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(report.stats().transportErrors()).isZero();
            assertThat(report.complete()).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void interruptsACheckThatOutlivesTheTimeBudgetAndKeepsFindingsOfChecksThatCompleted() throws Exception {
        Check sleeper = FixtureCheck.of("sleeper", (ctx, self) -> {
            Thread.sleep(60_000);
            return CheckOutcome.none();
        });
        ScanReport report = engine(EngineFixtures.config(server.uri()).withMaxTime(Duration.ofSeconds(2)),
                List.of(sleeper, quick())).run();
        assertThat(report.complete()).isFalse();
        assertThat(report.incompleteReason()).contains("time budget");
        assertThat(status(report, "sleeper")).isEqualTo(CheckStatus.INTERRUPTED);
        assertThat(status(report, "quick")).isEqualTo(CheckStatus.COMPLETED);
        assertThat(report.findings()).extracting(f -> f.checkId()).containsExactly("quick");
    }

    @Test
    void abandonsACheckThatIgnoresInterruptsAfterAGracePeriod() throws Exception {
        Check stubborn = FixtureCheck.of("stubborn", (ctx, self) -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // ignores interrupts entirely
                if (Thread.interrupted()) {
                    Thread.yield();
                }
            }
            return CheckOutcome.none();
        });
        ScanReport report = engine(EngineFixtures.config(server.uri()).withMaxTime(Duration.ofSeconds(1)),
                List.of(stubborn)).run();
        assertThat(report.complete()).isFalse();
        assertThat(status(report, "stubborn")).isEqualTo(CheckStatus.INTERRUPTED);
        assertThat(events).filteredOn(e -> e instanceof ScanEvent.CheckCompleted).hasSize(1);
    }

    @Test
    void stopFromAnotherThreadEndsTheScanIncompleteWithTheGivenReason() throws Exception {
        ScanEngine engine = engine(EngineFixtures.config(server.uri()), List.of(spinner(20)));
        CompletableFuture<ScanReport> report = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSpinning(report);
        engine.stop("interrupted by user");
        ScanReport r = report.get(20, TimeUnit.SECONDS);
        assertThat(r.complete()).isFalse();
        assertThat(r.incompleteReason()).isEqualTo("interrupted by user");
        CheckRun spinner = r.checks().getFirst();
        assertThat(spinner.status()).isEqualTo(CheckStatus.INTERRUPTED);
        assertThat(spinner.reason()).isEqualTo("interrupted by user");
        assertThat(events).filteredOn(e -> e instanceof ScanEvent.ScanStopping).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof ScanEvent.CheckCompleted).hasSize(1);
    }

    @Test
    void aTargetThatDiesMidScanTripsTheHostErrorBudgetAndStopsTheScan() throws Exception {
        ScanEngine engine = engine(EngineFixtures.withHostErrorBudget(EngineFixtures.config(server.uri()), 3),
                List.of(spinner(0)));
        CompletableFuture<ScanReport> report = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSpinning(report);
        server.close();
        ScanReport r = report.get(20, TimeUnit.SECONDS);
        assertThat(r.complete()).isFalse();
        assertThat(r.incompleteReason()).startsWith("the target stopped answering after answering GET /spin?i=")
                .contains(": 3 requests in a row failed");
        assertThat(r.checks().getFirst().status()).isEqualTo(CheckStatus.INTERRUPTED);
        assertThat(r.verdict().reason()).isEqualTo(dev.parapet.model.Verdict.Reason.TARGET_DIED);
        assertThat(r.verdict().detail()).startsWith("the target stopped answering after GET /spin?i=");
        dev.parapet.model.Finding died = r.findings().stream()
                .filter(f -> f.checkId().equals(TargetOutageFinding.ID)).findFirst().orElseThrow();
        assertThat(died.category()).isEqualTo(dev.parapet.model.Category.RATE_LIMITING);
        assertThat(died.endpoint().display()).startsWith("GET /spin?i=");
        assertThat(died.curl()).contains(server.uri("/spin?i=").toString());
    }

    @Test
    void aCompleteScanOfAJsonApiIsGraded() throws Exception {
        ScanReport report = engine(EngineFixtures.config(server.uri()), List.of(quick())).run();
        assertThat(report.verdict().graded()).as(report.verdict().line()).isTrue();
    }

    @Test
    void checksThatReturnAfterAStopDuringDiscoveryArePartialNeverCompleted() throws Exception {
        ScanEngine[] engine = new ScanEngine[1];
        engine[0] = new ScanEngine("t", EngineFixtures.config(server.uri()), List.of(quick()),
                new EventBus(List.of(e -> {
                    events.add(e);
                    if (e instanceof ScanEvent.RequestSent sent && sent.total() == 1) {
                        engine[0].stop("interrupted by user (Ctrl-C)");
                    }
                })), "test");
        ScanReport r = engine[0].run();
        assertThat(r.complete()).isFalse();
        assertThat(r.checks()).noneMatch(c -> c.status() == CheckStatus.COMPLETED);
        assertThat(run(r, "quick").status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(run(r, "quick").reason()).isEqualTo("ran on an unfinished discovery (interrupted by user "
                + "(Ctrl-C))");
        assertThat(r.score().categories()).noneMatch(dev.parapet.model.CategoryScore::assessed);
        assertThat(r.verdict().reason()).isEqualTo(dev.parapet.model.Verdict.Reason.STOPPED_BY_USER);
    }

    @Test
    void aCheckThatThrowsIsErroredAndNeverAFinding() throws Exception {
        Check thrower = FixtureCheck.of("thrower", (ctx, self) -> {
            throw new IllegalArgumentException("parser exploded");
        });
        ScanReport report = engine(EngineFixtures.config(server.uri()), List.of(thrower, quick())).run();
        assertThat(status(report, "thrower")).isEqualTo(CheckStatus.ERRORED);
        assertThat(run(report, "thrower").reason()).contains("parser exploded");
        assertThat(report.findings()).noneMatch(f -> f.checkId().equals("thrower"));
        assertThat(report.complete()).isTrue();
    }

    @Test
    void aCheckThatReportsAnErrorIsErroredWithItsReason() throws Exception {
        Check errored = FixtureCheck.of("errored", (ctx, self) -> CheckOutcome.errored("fixture data missing", null));
        ScanReport report = engine(EngineFixtures.config(server.uri()), List.of(errored)).run();
        assertThat(status(report, "errored")).isEqualTo(CheckStatus.ERRORED);
        assertThat(run(report, "errored").reason()).isEqualTo("fixture data missing");
    }

    @Test
    void aNotApplicableCheckIsRecordedWithItsReason() throws Exception {
        Check na = FixtureCheck.of("na", (ctx, self) -> CheckOutcome.notApplicable("target is not HTTPS"));
        ScanReport report = engine(EngineFixtures.config(server.uri()), List.of(na)).run();
        assertThat(status(report, "na")).isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(run(report, "na").reason()).isEqualTo("target is not HTTPS");
        assertThat(report.score().categories()).filteredOn(c -> c.category() == self(na).category())
                .allMatch(c -> !c.assessed());
    }

    @Test
    void aFindingCarryingAnotherChecksIdIsRejectedAndTheCheckErrored() throws Exception {
        Check impostor = FixtureCheck.of("impostor", (ctx, self) -> CheckOutcome.findings(List.of(
                dev.parapet.model.Finding.builder("someone-else", self.category()).title("not mine")
                        .endpoint(new dev.parapet.model.Endpoint("GET", server.uri(),
                                dev.parapet.model.Endpoint.Source.TARGET)).build())));
        ScanReport report = engine(EngineFixtures.config(server.uri()), List.of(impostor)).run();
        assertThat(status(report, "impostor")).isEqualTo(CheckStatus.ERRORED);
        assertThat(run(report, "impostor").reason()).contains("does not carry the id");
        assertThat(report.findings()).isEmpty();
    }

    private void awaitSpinning(CompletableFuture<ScanReport> report) throws InterruptedException {
        if (!spinning.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the spinner never spun; scan: " + (report.isDone()
                    ? report.handle((r, e) -> e == null ? r.toString() : e.toString()).join() : "still running")
                    + "; events: " + events);
        }
    }

    /** Probes distinct URLs (identical ones would be shared) until stopped, pausing {@code pauseMillis} between. */
    private Check spinner(long pauseMillis) {
        return new FixtureCheck("spinner", dev.parapet.model.Category.RATE_LIMITING, 100_000, (ctx, self) -> {
            for (int i = 0; ; i++) {
                ctx.probe(ProbeRequest.get(server.uri("/spin?i=" + i)));
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        });
    }

    private Check quick() {
        return FixtureCheck.of("quick", (ctx, self) -> CheckOutcome.findings(List.of(
                EngineFixtures.finding(self, server.uri(), "quick finding"))));
    }

    private ScanEngine engine(dev.parapet.config.ScanConfig config, List<Check> checks) {
        return new ScanEngine("t", config, checks, new EventBus(List.of(events::add)), "test");
    }

    private static dev.parapet.spi.CheckDescriptor self(Check c) {
        return c.descriptor();
    }

    private static CheckRun run(ScanReport report, String id) {
        return report.checks().stream().filter(r -> r.checkId().equals(id)).findFirst().orElseThrow();
    }

    private static CheckStatus status(ScanReport report, String id) {
        return run(report, id).status();
    }
}
