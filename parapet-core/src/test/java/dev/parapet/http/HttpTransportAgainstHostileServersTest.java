package dev.parapet.http;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport against servers that try to exhaust, stall or confuse it. Timeouts are small; no timing asserts. */
class HttpTransportAgainstHostileServersTest {

    private static final int CAP = 256 * 1024;
    private static final int HUGE = 5 * 1024 * 1024;
    private static final long BOMB_INFLATED = 100L * 1024 * 1024;

    private static LoopbackHttpServer server;
    private static HttpTransport transport;
    /** For the slow-drip test only: everything else gets time to spare on a loaded machine. */
    private static HttpTransport impatient;
    private static byte[] gzipBomb;

    @BeforeAll
    static void start() throws IOException {
        gzipBomb = gzipOfZeros(BOMB_INFLATED);
        byte[] text = "{\"hello\":\"world, hello again\"}".repeat(50).getBytes();
        server = LoopbackHttpServer.builder()
                .raw("GET", "/huge", ex -> {
                    ex.getResponseHeaders().add("Content-Type", "text/plain");
                    ex.sendResponseHeaders(200, HUGE);
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'a');
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int sent = 0; sent < HUGE; sent += chunk.length) {
                            out.write(chunk);
                        }
                    }
                })
                .route("GET", "/bomb", r -> new LoopbackHttpServer.Response(200, java.util.List.of(
                        java.util.Map.entry("Content-Type", "text/plain"),
                        java.util.Map.entry("Content-Encoding", "gzip")), gzipBomb))
                .route("GET", "/zlib", r -> encoded("deflate", deflate(text, false)))
                .route("GET", "/raw-deflate", r -> encoded("deflate", deflate(text, true)))
                .route("GET", "/gzip", r -> encoded("gzip", gzip(text)))
                .route("GET", "/bad-utf8", r -> new LoopbackHttpServer.Response(200, java.util.List.of(
                        java.util.Map.entry("Content-Type", "application/json; charset=utf-8")),
                        new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, 'x', (byte) 0xc3, '"', '}'}))
                .raw("GET", "/drip", ex -> {
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 50; i++) {
                            out.write('x');
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .start();
        transport = new HttpTransport(new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), CAP,
                false, "Parapet/test"));
        impatient = new HttpTransport(new TransportSettings(Duration.ofMillis(300), Duration.ofMillis(300), CAP,
                false, "Parapet/test"));
    }

    @AfterAll
    static void stop() {
        transport.close();
        impatient.close();
        server.close();
    }

    @Test
    void cutsAHugeBodyAtTheCapAndMarksItTruncated() throws InterruptedException {
        Exchange e = get("/huge");
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.ANSWERED);
        assertThat(e.response().truncated()).isTrue();
        assertThat(e.response().bodyBytes()).isEqualTo(CAP);
        assertThat(e.body()).hasSize(CAP).matches("a+");
    }

    @Test
    void inflatesAGzipBombOnlyUpToTheCap() throws InterruptedException {
        assertThat(gzipBomb.length).isLessThan(CAP); // the whole compressed body fits: only decompression can cut it
        Exchange e = get("/bomb");
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.ANSWERED);
        assertThat(e.response().truncated()).isTrue();
        assertThat(e.response().bodyBytes()).isLessThanOrEqualTo(CAP);
        assertThat(e.body().length()).isLessThanOrEqualTo(CAP);
    }

    @Test
    void decodesZlibWrappedDeflate() throws InterruptedException {
        Exchange e = get("/zlib");
        assertThat(e.body()).startsWith("{\"hello\":\"world, hello again\"}").hasSize(30 * 50);
        assertThat(e.response().truncated()).isFalse();
    }

    @Test
    void decodesRawDeflateThatSomeServersSend() throws InterruptedException {
        Exchange e = get("/raw-deflate");
        assertThat(e.body()).startsWith("{\"hello\":\"world, hello again\"}").hasSize(30 * 50);
        assertThat(e.response().truncated()).isFalse();
    }

    @Test
    void decodesGzip() throws InterruptedException {
        assertThat(get("/gzip").body()).hasSize(30 * 50);
    }

    @Test
    void replacesInvalidUtf8WithReplacementCharactersInsteadOfFailing() throws InterruptedException {
        Exchange e = get("/bad-utf8");
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.ANSWERED);
        assertThat(e.body()).startsWith("{\"a\":\"").contains("\uFFFD").contains("x").endsWith("\"}");
    }

    @Test
    void endsASlowDripAsTimeoutWithinTheReadTimeout() throws InterruptedException {
        Exchange e = impatient.send(request(server.uri("/drip")));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.TIMEOUT);
        assertThat(e.error()).startsWith("timed out").doesNotContain("\n");
    }

    @Test
    void namesSubSecondTimeoutsInMilliseconds() {
        assertThat(HttpTransport.human(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(HttpTransport.human(Duration.ofSeconds(10))).isEqualTo("10 s");
    }

    @Test
    void reportsAConnectionClosedMidResponseAsATransportErrorOnOneLine() throws Exception {
        byte[] cut = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly ten b".getBytes();
        try (ClosingSocketServer dying = new ClosingSocketServer(cut)) {
            Exchange e = transport.send(request(dying.uri()));
            assertThat(e.outcome()).isEqualTo(ExchangeOutcome.TRANSPORT_ERROR);
            assertThat(e.error()).startsWith("connection failed with 127.0.0.1:" + dying.port())
                    .doesNotContain("\n");
        }
    }

    @Test
    void refusesAMegabyteHeaderLineWithOneLineThatSaysSo() throws Exception {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Padding: " + "p".repeat(1 << 20) + "\r\n\r\n{}")
                .getBytes();
        try (ClosingSocketServer huge = new ClosingSocketServer(head)) {
            Exchange e = transport.send(request(huge.uri()));
            assertThat(e.outcome()).isEqualTo(ExchangeOutcome.TRANSPORT_ERROR);
            assertThat(e.error()).startsWith("response headers too large from 127.0.0.1:" + huge.port())
                    .contains("KiB").doesNotContain("\n");
        }
    }

    @Test
    void reportsAClosedPortAsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Exchange e = transport.send(request(URI.create("http://127.0.0.1:" + port + "/")));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.TRANSPORT_ERROR);
        assertThat(e.error()).isEqualTo("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void reportsAnUnresolvableHostAsUnknownHost() throws InterruptedException {
        Exchange e = transport.send(request(URI.create("http://parapet-test.invalid/")));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.TRANSPORT_ERROR);
        assertThat(e.error()).isEqualTo("unknown host parapet-test.invalid");
    }

    @Test
    void turnsARequestTheClientRefusesIntoAFailedExchangeInsteadOfThrowing() throws InterruptedException {
        HttpRequestRecord bad = new HttpRequestRecord("GET", server.uri("/gzip"),
                Headers.of("X-Injected", "a\r\nSet-Cookie: x=1"), "");
        Exchange e = transport.send(bad);
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.TRANSPORT_ERROR);
        assertThat(e.error()).startsWith("invalid request");
    }

    @Test
    void sendsNothingOnceClosedAndSaysSoInsteadOfThrowing() throws InterruptedException {
        HttpTransport closed = new HttpTransport(new TransportSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                CAP, false, "Parapet/test"));
        closed.close();
        long before = server.requestCount();
        Exchange e = closed.send(request(server.uri("/gzip")));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.CANCELLED);
        assertThat(server.requestCount()).isEqualTo(before);
    }

    private static Exchange get(String path) throws InterruptedException {
        return transport.send(request(server.uri(path)));
    }

    private static HttpRequestRecord request(URI uri) {
        return new HttpRequestRecord("GET", uri, Headers.EMPTY, "");
    }

    private static LoopbackHttpServer.Response encoded(String coding, byte[] body) {
        return new LoopbackHttpServer.Response(200, java.util.List.of(
                java.util.Map.entry("Content-Type", "application/json"),
                java.util.Map.entry("Content-Encoding", coding)), body);
    }

    /** Streams zeros through gzip: only the compressed output is ever held. */
    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, zeros.length)) {
            for (long written = 0; written < size; written += zeros.length) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
