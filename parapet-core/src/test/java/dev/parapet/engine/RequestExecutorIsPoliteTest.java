package dev.parapet.engine;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.http.HttpTransport;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RequestExecutorIsPoliteTest {

    private final AtomicInteger throttledCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private LoopbackHttpServer server;
    private LoopbackHttpServer other;
    private HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        other = LoopbackHttpServer.builder().route("*", "/*", r -> Response.text(200, "other origin")).start();
        server = LoopbackHttpServer.builder()
                .route("GET", "/throttled", r -> throttledCalls.incrementAndGet() == 1
                        ? Response.text(429, "slow down").header("Retry-After", "1")
                        : Response.text(200, "ok"))
                .route("GET", "/always-429", r -> {
                    throttledCalls.incrementAndGet();
                    return Response.text(429, "slow down").header("Retry-After", "0");
                })
                .route("GET", "/slow/*", r -> {
                    int now = inFlight.incrementAndGet();
                    maxInFlight.accumulateAndGet(now, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    return Response.text(200, "slow");
                })
                .route("*", "/*", r -> Response.text(200, r.method()))
                .start();
        transport = EngineFixtures.transport();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
        other.close();
    }

    @Test
    void retriesA429AfterRetryAfterAndCountsItAsThrottled() throws InterruptedException {
        RequestExecutor executor = executor(ScanMode.SAFE, 4);
        Exchange e = executor.execute(ProbeRequest.get(server.uri("/throttled")));
        assertThat(e.status()).isEqualTo(200);
        assertThat(throttledCalls).hasValue(2);
        assertThat(executor.stats(0, 0).throttled()).isEqualTo(1);
        assertThat(executor.stats(0, 0).requestsSent()).isEqualTo(2);
    }

    @Test
    void givesUpOnAServerThatKeepsThrottlingAfterABoundedNumberOfRetries() throws InterruptedException {
        RequestExecutor executor = executor(ScanMode.SAFE, 4);
        Exchange e = executor.execute(ProbeRequest.get(server.uri("/always-429")));
        assertThat(e.status()).isEqualTo(429);
        assertThat(throttledCalls).hasValue(3); // the request and two retries
        assertThat(executor.stats(0, 0).throttled()).isEqualTo(2);
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        Duration d = RequestExecutor.retryAfter(answer429(inThreeSeconds));
        // the date has whole seconds, so up to one second of the three may already have passed
        assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void treatsARetryAfterDateInThePastAsNoWait() {
        assertThat(RequestExecutor.retryAfter(answer429("Sun, 06 Nov 1994 08:49:37 GMT"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5"})
    void waitsOneSecondWhenRetryAfterIsMissingOrUnreadable(String value) {
        assertThat(RequestExecutor.retryAfter(answer429(value))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void capsAHugeRetryAfterSoOneServerCannotHoldTheScan() {
        assertThat(RequestExecutor.retryAfter(answer429("86400"))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void neverHasMoreRequestsInFlightToAHostThanTheConfiguredConcurrency() throws Exception {
        RequestExecutor executor = executor(ScanMode.SAFE, 3);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                URI u = server.uri("/slow/" + i);
                futures.add(pool.submit(() -> executor.execute(ProbeRequest.get(u))));
            }
            for (Future<Exchange> f : futures) {
                Exchange e = f.get();
                assertThat(e.status()).as(e.error()).isEqualTo(200);
            }
        }
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
    }

    @Test
    void refusesAnotherOriginWithoutSendingAnything() throws InterruptedException {
        RequestExecutor executor = executor(ScanMode.SAFE, 4);
        Exchange e = executor.execute(ProbeRequest.get(other.uri("/secret")));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(e.error()).contains("outside the scan's scope");
        assertThat(other.requestCount()).isZero();
        assertThat(executor.stats(0, 0).refusedOutOfScope()).isEqualTo(1);
        assertThat(executor.stats(0, 0).requestsSent()).isZero();
    }

    @Test
    void refusesTheSameHostOnAnotherSchemeOrPort() throws InterruptedException {
        RequestExecutor executor = executor(ScanMode.SAFE, 4);
        URI otherPort = URI.create("http://127.0.0.1:" + other.port() + "/");
        URI https = URI.create("https://127.0.0.1:" + server.port() + "/");
        assertThat(executor.execute(ProbeRequest.get(otherPort)).outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(executor.execute(ProbeRequest.get(https)).outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(server.requestCount() + other.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void safeModeNeverSendsStateChangingMethods(String method) throws InterruptedException {
        RequestExecutor executor = executor(ScanMode.SAFE, 4);
        Exchange e = executor.execute(ProbeRequest.of(method, server.uri("/items/1")));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.OUT_OF_SCOPE);
        assertThat(e.error()).contains(method).contains("safe mode");
        assertThat(server.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void safeModeSendsReadOnlyMethods(String method) throws InterruptedException {
        Exchange e = executor(ScanMode.SAFE, 4).execute(ProbeRequest.of(method, server.uri("/items/1")));
        assertThat(e.status()).isEqualTo(200);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    private RequestExecutor executor(ScanMode mode, int concurrency) {
        return EngineFixtures.executor(transport, server.uri(), mode, concurrency, 5);
    }

    private static Exchange answer429(String retryAfter) {
        Headers h = retryAfter.isEmpty() ? Headers.EMPTY : Headers.of("Retry-After", retryAfter);
        return Exchange.answered(new HttpRequestRecord("GET", URI.create("http://127.0.0.1:1/"), Headers.EMPTY, ""),
                new HttpResponseRecord(429, h, "", 0, false, ""), Duration.ZERO, 0);
    }
}
