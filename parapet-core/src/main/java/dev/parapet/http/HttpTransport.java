package dev.parapet.http;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends single HTTP requests with the JDK client on virtual threads. Never follows redirects (the engine decides,
 * by scope). Never throws for network trouble: every failure becomes an {@link Exchange} whose {@code error}
 * starts with a stable phrase ("connection refused", "unknown host", "TLS handshake failed", "timed out").
 * Thread-safe; one instance per scan.
 */
public final class HttpTransport implements AutoCloseable {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final TransportSettings settings;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    public HttpTransport(TransportSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (settings.insecure()) {
            builder.sslContext(trustAll());
        }
        this.client = builder.build();
    }

    public TransportSettings settings() {
        return settings;
    }

    public Exchange send(HttpRequestRecord request) throws InterruptedException {
        HttpRequestRecord sent = withDefaults(request);
        long start = System.nanoTime();
        Future<HttpResponse<CappedBodySubscriber.RawBody>> future;
        try {
            // The builder rejects what the client cannot send (bad header values, methods, URIs): a failed
            // exchange, not an exception, because header-injection probes legitimately try such values.
            HttpRequest.Builder b = HttpRequest.newBuilder(sent.uri())
                    .timeout(settings.readTimeout())
                    .method(sent.method(), sent.body().isEmpty()
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(sent.body()));
            for (Headers.Field f : sent.headers().fields()) {
                if (!RESTRICTED.contains(f.name().toLowerCase(Locale.ROOT))) {
                    b.header(f.name(), f.value());
                }
            }
            HttpRequest built = b.build();
            // The blocking send on a virtual thread of our own, not sendAsync: sendAsync completes its future on
            // the common ForkJoinPool, so a caller that blocks common-pool workers (a scan started from
            // CompletableFuture.supplyAsync on a two-core machine) would starve every response into a timeout.
            future = executor.submit(() -> client.send(built,
                    info -> new CappedBodySubscriber(settings.maxBodyBytes())));
        } catch (IllegalArgumentException e) {
            return Exchange.failed(sent, ExchangeOutcome.TRANSPORT_ERROR, "invalid request: "
                    + oneLine(e), elapsed(start));
        }
        catch (RejectedExecutionException e) {
            // Closed: the scan is over and a check it abandoned is still probing. Nothing leaves Parapet.
            return Exchange.failed(sent, ExchangeOutcome.CANCELLED, "scan stopping: transport closed",
                    elapsed(start));
        }
        long budgetMillis = settings.connectTimeout().toMillis() + settings.readTimeout().toMillis();
        try {
            HttpResponse<CappedBodySubscriber.RawBody> response = future.get(budgetMillis, TimeUnit.MILLISECONDS);
            Headers headers = Headers.fromMap(response.headers().map());
            CappedBodySubscriber.RawBody raw = response.body();
            BodyDecoder.Decoded decoded = BodyDecoder.decode(raw.bytes(), raw.truncated(),
                    headers.first("Content-Encoding").orElse(""), headers.first("Content-Type").orElse(""),
                    settings.maxBodyBytes());
            String tls = response.sslSession().map(SSLSession::getProtocol).orElse("");
            return Exchange.answered(sent, new HttpResponseRecord(response.statusCode(), headers, decoded.text(),
                    decoded.bytes(), decoded.truncated(), tls), elapsed(start), 0);
        } catch (TimeoutException e) {
            future.cancel(true); // interrupts the send, which aborts the exchange
            return Exchange.failed(sent, ExchangeOutcome.TIMEOUT,
                    "timed out after " + human(settings.readTimeout()), elapsed(start));
        } catch (InterruptedException e) {
            future.cancel(true); // interrupts the send, which aborts the exchange
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Exchange.failed(sent, outcomeOf(cause), describe(cause, sent), elapsed(start));
        }
    }

    private HttpRequestRecord withDefaults(HttpRequestRecord r) {
        Headers h = r.headers();
        if (!h.has("User-Agent")) {
            h = h.with("User-Agent", settings.userAgent());
        }
        if (!h.has("Accept-Encoding")) {
            h = h.with("Accept-Encoding", "gzip, deflate");
        }
        if (!h.has("Accept")) {
            h = h.with("Accept", dev.parapet.model.Curl.DEFAULT_ACCEPT);
        }
        return r.withHeaders(h);
    }

    private static ExchangeOutcome outcomeOf(Throwable cause) {
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return ExchangeOutcome.TIMEOUT;
        }
        return ExchangeOutcome.TRANSPORT_ERROR;
    }

    /** One line, starting with a stable phrase that {@code ScanService} maps to advice. */
    static String describe(Throwable cause, HttpRequestRecord request) {
        String hostPort = request.uri().getHost() + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : "");
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof SSLException) {
                break;
            }
            root = root.getCause();
        }
        if (hasCause(cause, UnresolvedAddressException.class) || hasCause(cause, UnknownHostException.class)) {
            return "unknown host " + request.uri().getHost();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "timed out connecting to " + hostPort;
        }
        if (hasCause(cause, SSLHandshakeException.class) || hasCause(cause, SSLException.class)) {
            Throwable ssl = firstCause(cause, SSLException.class);
            return "TLS handshake failed with " + hostPort + ": " + oneLine(ssl == null ? cause : ssl);
        }
        if (hasCause(cause, ConnectException.class)) {
            return "connection refused by " + hostPort;
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out waiting for " + hostPort;
        }
        if (oneLine(root).startsWith("Header size too big")) {
            // the JDK client refuses a response head over jdk.http.maxHeaderSize (384 KiB by default)
            return "response headers too large from " + hostPort + " (over the client's limit of "
                    + Integer.getInteger("jdk.http.maxHeaderSize", 384 << 10) / 1024 + " KiB)";
        }
        if (cause instanceof IOException || root instanceof IOException) {
            return "connection failed with " + hostPort + ": " + oneLine(root);
        }
        return "request failed: " + oneLine(root);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return firstCause(t, type) != null;
    }

    private static Throwable firstCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    /** {@code 300 ms}, {@code 10 s}: whole seconds when the duration has no fraction of a second. */
    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Accepts any certificate: used only with {@code --insecure}, where certificate problems become findings. */
    static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this JDK", e);
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
