package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeCacheSharesOnlyWhatWasSentTest {

    private static final ProbeRequest PROBE = ProbeRequest.get(URI.create("http://127.0.0.1:1/x"));

    private final ProbeCache cache = new ProbeCache();
    private final AtomicInteger sends = new AtomicInteger();

    @Test
    void aConcurrentIdenticalProbeWaitsForTheFirstAndSharesItsExchange() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Exchange> first = async(() -> cache.get(PROBE, p -> {
            sends.incrementAndGet();
            sending.countDown();
            release.await();
            return answered(200);
        }));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Exchange> second = async(() -> cache.get(PROBE, p -> {
            sends.incrementAndGet();
            return answered(500);
        }));
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(sends).hasValue(1);
        assertThat(cache.shared()).isEqualTo(1);
    }

    @Test
    void whenTheSenderIsInterruptedAWaitingCallerSendsItself() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CompletableFuture<Exchange> interrupted = async(() -> cache.get(PROBE, p -> {
            sends.incrementAndGet();
            sending.countDown();
            Thread.sleep(60_000);
            return answered(200);
        }));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        Thread firstThread = threadOf(interrupted);
        CompletableFuture<Exchange> waiting = async(() -> cache.get(PROBE, p -> {
            sends.incrementAndGet();
            return answered(201);
        }));
        firstThread.interrupt();
        assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThatThrownBy(() -> interrupted.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        assertThat(sends).hasValue(2);
    }

    @Test
    void refusalsAreNotKeptSoALaterCallerMayTryAgain() throws InterruptedException {
        Exchange refused = cache.get(PROBE, p -> {
            sends.incrementAndGet();
            return failed(ExchangeOutcome.CANCELLED);
        });
        Exchange later = cache.get(PROBE, p -> {
            sends.incrementAndGet();
            return answered(200);
        });
        assertThat(refused.outcome()).isEqualTo(ExchangeOutcome.CANCELLED);
        assertThat(later.status()).isEqualTo(200);
        assertThat(sends).hasValue(2);
    }

    @Test
    void transportErrorsAreKeptSoADeadEndpointIsNotAskedAgain() throws InterruptedException {
        cache.get(PROBE, p -> {
            sends.incrementAndGet();
            return failed(ExchangeOutcome.TRANSPORT_ERROR);
        });
        Exchange later = cache.get(PROBE, p -> {
            sends.incrementAndGet();
            return answered(200);
        });
        assertThat(later.outcome()).isEqualTo(ExchangeOutcome.TRANSPORT_ERROR);
        assertThat(sends).hasValue(1);
    }

    @Test
    void aFullCacheKeepsNoMoreAnswersSoTheirProbesAreSentAgain() throws InterruptedException {
        ProbeCache small = new ProbeCache(new RetainedBodies(Long.MAX_VALUE, Integer.MAX_VALUE), 1);
        ProbeRequest other = ProbeRequest.get(URI.create("http://127.0.0.1:1/y"));
        small.get(PROBE, p -> { sends.incrementAndGet(); return answered(200); });
        small.get(other, p -> { sends.incrementAndGet(); return answered(201); });
        Exchange kept = small.get(PROBE, p -> { sends.incrementAndGet(); return answered(500); });
        Exchange again = small.get(other, p -> { sends.incrementAndGet(); return answered(202); });
        assertThat(kept.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(202);
        assertThat(sends).hasValue(3);
        assertThat(small.shared()).isEqualTo(1);
    }

    @Test
    void recordedAnswersAreKeptWhateverTheCap() throws InterruptedException {
        ProbeCache none = new ProbeCache(new RetainedBodies(Long.MAX_VALUE, Integer.MAX_VALUE), 0);
        none.seed(java.util.List.of(answered(200)));
        Exchange recorded = none.get(ProbeRequest.get(request().uri()), p -> {
            sends.incrementAndGet();
            return answered(500);
        });
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(sends).hasValue(0);
    }

    @Test
    void probesThatDifferInAHeaderAreNotShared() throws InterruptedException {
        cache.get(PROBE, p -> answered(200));
        Exchange other = cache.get(PROBE.withHeader("Origin", "https://evil.invalid"), p -> answered(204));
        assertThat(other.status()).isEqualTo(204);
        assertThat(cache.shared()).isZero();
    }

    private final java.util.Map<CompletableFuture<?>, Thread> threads = new java.util.concurrent.ConcurrentHashMap<>();

    private interface Call {
        Exchange call() throws InterruptedException;
    }

    private CompletableFuture<Exchange> async(Call call) {
        CompletableFuture<Exchange> f = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().unstarted(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        threads.put(f, t);
        t.start();
        return f;
    }

    private Thread threadOf(CompletableFuture<?> f) {
        return threads.get(f);
    }

    private static Exchange answered(int status) {
        return Exchange.answered(request(), new HttpResponseRecord(status, Headers.EMPTY, "", 0, false, ""),
                Duration.ZERO, 0);
    }

    private static Exchange failed(ExchangeOutcome outcome) {
        return Exchange.failed(request(), outcome, "x", Duration.ZERO);
    }

    private static HttpRequestRecord request() {
        return new HttpRequestRecord("GET", PROBE.uri(), Headers.EMPTY, "");
    }
}
