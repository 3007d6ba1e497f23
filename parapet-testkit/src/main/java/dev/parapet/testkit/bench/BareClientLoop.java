package dev.parapet.testkit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The yardstick a scan's throughput is compared with: a plain JDK {@link HttpClient} sending GETs to a
 * {@link GeneratedApi} on 127.0.0.1, paced at a rate and bounded in flight as a scan is, with nothing else to do.
 * {@code BareClientLoop BASE-URL OPERATIONS RATE CONCURRENCY REQUESTS [MAX-SECONDS]} cycles through the API's item
 * and listing URLs, stops after {@code REQUESTS} requests (at most 200,000) or {@code MAX-SECONDS} (default 60), and
 * prints {@code requests N wall-ms W rps R errors E}.
 */
public final class BareClientLoop {

    private static final int MAX_REQUESTS = 200_000;

    private BareClientLoop() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int operations = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int requests = Math.min(MAX_REQUESTS, Integer.parseInt(args[4]));
        long deadline = System.nanoTime() + Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 60).toNanos();
        int resources = Math.max(1, operations / GeneratedApi.KINDS);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long due = start;
        int sent = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (; sent < requests && System.nanoTime() < deadline; sent++) {
                // a ceiling, as a scan's rate is: time lost to a stall is not made up by a burst afterwards
                due = Math.max(due + interval, System.nanoTime());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                int r = sent % resources;
                URI u = base.resolve(sent % 2 == 0 ? "res" + r + "/items" : "res" + r + "/items/" + (1 + sent % 3));
                pool.submit(() -> {
                    try {
                        client.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10)).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("requests %d wall-ms %d rps %.1f errors %d%n", sent, wallMs,
                sent * 1000.0 / Math.max(1, wallMs), errors.get());
    }
}
