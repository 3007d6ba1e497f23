package dev.parapet.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parapet.model.Headers;
import dev.parapet.spi.Canary;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The scan's canary: a small HTTP listener (see {@link CanaryPlan} for where it binds) that answers a request for an
 * issued token with that token's page, {@code 200 text/html} carrying its {@link CanaryToken#markup() markup}, and
 * records the request; any other path gets an empty {@code 404} and is not recorded. Of each request it keeps the
 * first {@value #MAX_HEADERS} headers (values cut at {@value #MAX_VALUE} characters) and the first
 * {@value #MAX_BODY} bytes of the body; it reads at most {@value #MAX_DRAIN} bytes in all, then closes. Thread-safe;
 * {@link #close()} stops it at once.
 */
final class CanaryListener implements Canary, AutoCloseable {

    static final int MAX_HEADERS = 40;
    static final int MAX_VALUE = 300;
    static final int MAX_BODY = 2048;
    static final int MAX_DRAIN = 64 * 1024;
    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "upgrade", "http2-settings",
            "keep-alive", "te", "trailer", "transfer-encoding", "proxy-connection");

    private final CanaryPlan plan;
    private final HttpServer server;
    private final ExecutorService threads;
    private final CanaryLedger ledger = new CanaryLedger();

    private CanaryListener(CanaryPlan plan, HttpServer server, ExecutorService threads) {
        this.plan = plan;
        this.server = server;
        this.threads = threads;
    }

    /** Binds and starts the listener. */
    static CanaryListener start(CanaryPlan plan) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(plan.bindAddress(), plan.port()), 32);
        ExecutorService threads = Executors.newFixedThreadPool(4,
                Thread.ofPlatform().daemon().name("parapet-canary-", 0).factory());
        CanaryListener listener = new CanaryListener(plan, server, threads);
        server.createContext("/", listener::handle);
        server.setExecutor(threads);
        server.start();
        return listener;
    }

    /** The bound address and port, for logs: {@code 127.0.0.1:43121}. */
    String address() {
        return plan.describe(server.getAddress().getPort());
    }

    @Override
    public CanaryToken mint(String purpose) {
        return ledger.mint(purpose, token -> plan.urlFor(token, server.getAddress().getPort()));
    }

    @Override
    public List<CanaryHit> awaitHits(CanaryToken token, Duration max) throws InterruptedException {
        return ledger.await(token, max);
    }

    @Override
    public List<CanaryHit> hits(CanaryToken token) {
        return ledger.hits(token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Optional<CanaryToken> token = ledger.tokenOf(rawPath);
            String body = readCapped(exchange.getRequestBody());
            if (token.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            ledger.record(token.get(), new CanaryHit(exchange.getRequestMethod(),
                    rawPath + (rawQuery == null ? "" : "?" + rawQuery), headers(exchange),
                    remote(exchange.getRemoteAddress()), Instant.now(), body));
            byte[] page = token.get().page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : page.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            }
        }
    }

    /**
     * The request's headers sorted by name, without the hop-by-hop ones ({@code Connection}, {@code Upgrade},
     * {@code HTTP2-Settings} …): those describe the connection, vary with a client's connection reuse (a JDK client
     * offers h2c only on its first request), and say nothing about who asked.
     */
    private static Headers headers(HttpExchange exchange) {
        List<String> flat = new ArrayList<>();
        List<String> names = exchange.getRequestHeaders().keySet().stream()
                .filter(n -> !HOP_BY_HOP.contains(n.toLowerCase(java.util.Locale.ROOT))).sorted().toList();
        for (String name : names) {
            for (String v : exchange.getRequestHeaders().get(name)) {
                if (flat.size() / 2 >= MAX_HEADERS) {
                    break;
                }
                flat.add(name);
                flat.add(v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v);
            }
        }
        return Headers.of(flat.toArray(String[]::new));
    }

    private static String remote(InetSocketAddress address) {
        return address == null ? "" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The first {@link #MAX_BODY} bytes as text; reads on to {@link #MAX_DRAIN} so the peer is not reset mid-send. */
    private static String readCapped(InputStream in) throws IOException {
        byte[] kept = new byte[MAX_BODY];
        byte[] buffer = new byte[4096];
        int keptLength = 0;
        int total = 0;
        int n;
        while (total < MAX_DRAIN && (n = in.read(buffer)) > 0) {
            int take = Math.min(n, MAX_BODY - keptLength);
            System.arraycopy(buffer, 0, kept, keptLength, take);
            keptLength += take;
            total += n;
        }
        return new String(kept, 0, keptLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
