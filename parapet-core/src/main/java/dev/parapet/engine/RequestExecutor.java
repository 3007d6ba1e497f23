package dev.parapet.engine;

import dev.parapet.event.EventBus;
import dev.parapet.event.ScanEvent;
import dev.parapet.http.HttpTransport;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanStats;
import dev.parapet.score.Grading;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends probes for one scan: scope and mode guard, per-host politeness, 429/{@code Retry-After} with bounded
 * retries, in-scope redirects, host health and request accounting. Everything that reaches the network in a scan
 * goes through here. Thread-safe.
 */
final class RequestExecutor {

    /** Methods that never change state; the only ones {@code safe} and {@code passive} modes send. */
    static final Set<String> READ_ONLY_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final int MAX_429_RETRIES = 2;
    /** Longest a single {@code Retry-After} may hold the scan; longer requests are cut to this. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final String scanId;
    private final HttpTransport transport;
    private final ScopeGuard scope;
    private final HostLimiter limiter;
    private final HostHealth health;
    private final AnswerTally answers = new AnswerTally();
    private final ScanControl control;
    private final EventBus events;
    private final ScanMode mode;
    private final int maxRedirects;
    private final CredentialStamp credentials;
    private final boolean allowDelete;
    private final RetainedBodies retained = RetainedBodies.forScan();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong outOfScope = new AtomicLong();
    private final AtomicLong transportErrors = new AtomicLong();

    RequestExecutor(String scanId, HttpTransport transport, ScopeGuard scope, HostLimiter limiter, ScanControl control,
                    EventBus events, ScanMode mode, int maxRedirects, int hostErrorBudget, CredentialStamp credentials) {
        this(scanId, transport, scope, limiter, control, events, mode, maxRedirects, hostErrorBudget, credentials,
                false);
    }

    /** {@code allowDelete}: whether {@code active} mode may send DELETE at all ({@code --allow-delete}). */
    RequestExecutor(String scanId, HttpTransport transport, ScopeGuard scope, HostLimiter limiter, ScanControl control,
                    EventBus events, ScanMode mode, int maxRedirects, int hostErrorBudget, CredentialStamp credentials,
                    boolean allowDelete) {
        this.allowDelete = allowDelete;
        this.scanId = scanId;
        this.transport = transport;
        this.scope = scope;
        this.limiter = limiter;
        this.control = control;
        this.events = events;
        this.mode = mode;
        this.maxRedirects = maxRedirects;
        this.credentials = credentials;
        this.health = new HostHealth(hostErrorBudget, reason -> control.stop(ScanControl.StopCause.TARGET_DOWN,
                reason));
    }

    Exchange execute(ProbeRequest probe) throws InterruptedException {
        return execute(probe, scope::allows);
    }

    /** What the scan may keep of the answers it holds on to after their request (see {@link RetainedBodies}). */
    RetainedBodies retained() {
        return retained;
    }

    /**
     * Sends {@code probe} when {@code allowed} accepts its URL (and every redirect's), instead of the scan's scope:
     * for API descriptions the user let come from another host ({@code --spec-host}). Mode, politeness and
     * accounting are the same as for {@link #execute(ProbeRequest)}; credentials still reach the target only.
     */
    Exchange execute(ProbeRequest probe, java.util.function.Predicate<URI> allowed) throws InterruptedException {
        return execute(probe, allowed, false);
    }

    /**
     * Sends an undo request of the {@link UndoLedger} (a delete, a restore, the read that checks it) with every rule
     * of {@link #execute(ProbeRequest)}, except that a stopping scan still sends it: a scan stopped by its time
     * budget or by the user must still take back what it changed. Never follows redirects.
     */
    Exchange executeUndo(ProbeRequest probe) throws InterruptedException {
        return execute(new ProbeRequest(probe.method(), probe.uri(), probe.headers(), probe.body(), false,
                probe.identity()), scope::allows, true);
    }

    private Exchange execute(ProbeRequest probe, java.util.function.Predicate<URI> allowed, boolean evenWhenStopping)
            throws InterruptedException {
        HttpRequestRecord request = new HttpRequestRecord(probe.method(), probe.uri(), probe.headers(), probe.body());
        if (!allowed.test(probe.uri())) {
            outOfScope.incrementAndGet();
            return Exchange.failed(request, ExchangeOutcome.OUT_OF_SCOPE, "outside the scan's scope: "
                    + probe.uri().getScheme() + "://" + probe.uri().getAuthority(), Duration.ZERO);
        }
        if (mode != ScanMode.ACTIVE && !READ_ONLY_METHODS.contains(probe.method())) {
            outOfScope.incrementAndGet();
            return Exchange.failed(request, ExchangeOutcome.OUT_OF_SCOPE, probe.method()
                    + " is not sent in " + mode.id() + " mode", Duration.ZERO);
        }
        if (probe.method().equals("DELETE") && !allowDelete) {
            return Exchange.failed(request, ExchangeOutcome.REFUSED, "DELETE is sent only with --allow-delete",
                    Duration.ZERO);
        }
        int retries = MAX_429_RETRIES;
        HttpRequestRecord stamped = credentials.apply(request, probe.identity());
        Exchange exchange = send(stamped, retries, evenWhenStopping);
        if (exchange.status() == 401 && credentials.refreshAfter401(stamped, probe.identity())) {
            // an --auth-command token may have expired: its fresh output gets this request once more
            exchange = send(credentials.apply(request, probe.identity()), retries, evenWhenStopping);
        }
        HttpRequestRecord current = request;
        int redirects = 0;
        while (probe.followRedirects() && redirects < maxRedirects && isRedirect(exchange)) {
            URI next = location(exchange);
            if (next == null || !allowed.test(next)) {
                break;
            }
            current = redirected(current, exchange.status(), next);
            exchange = sendWithRetries(credentials.apply(current, probe.identity()));
            redirects++;
        }
        if (redirects > 0 && exchange.answered()) {
            exchange = Exchange.answered(exchange.request(), exchange.response(), exchange.elapsed(), redirects);
        }
        return exchange;
    }

    /**
     * Sends a prompt the {@link PromptGate} built and allowed: the one POST this executor sends outside
     * {@code active} mode. Scope, politeness, host health and accounting still apply; it carries the primary
     * identity's credentials; it is never retried (a 429 is the answer) and never follows redirects, so the gate's
     * spacing holds between everything that reaches the model.
     */
    Exchange sendPrompt(HttpRequestRecord request) throws InterruptedException {
        if (!scope.allows(request.uri())) {
            outOfScope.incrementAndGet();
            return Exchange.failed(request, ExchangeOutcome.OUT_OF_SCOPE, "outside the scan's scope: "
                    + request.uri().getScheme() + "://" + request.uri().getAuthority(), Duration.ZERO);
        }
        return send(credentials.apply(request, dev.parapet.spi.Identity.PRIMARY), 0, false);
    }

    private Exchange sendWithRetries(HttpRequestRecord request) throws InterruptedException {
        return send(request, MAX_429_RETRIES, false);
    }

    private Exchange send(HttpRequestRecord request, int max429Retries, boolean evenWhenStopping)
            throws InterruptedException {
        String host = hostKey(request.uri());
        Exchange exchange = null;
        for (int attempt = 0; attempt <= max429Retries; attempt++) {
            if (control.isStopping() && !evenWhenStopping) {
                return Exchange.failed(request, ExchangeOutcome.CANCELLED, "scan stopping: " + control.reason(),
                        Duration.ZERO);
            }
            limiter.acquire(host);
            try {
                // a request queued behind the rate limit (the spec stage submits hundreds at once) may reach the
                // front after the deadline: it is cancelled there, not sent late
                if (control.isStopping() && !evenWhenStopping) {
                    return Exchange.failed(request, ExchangeOutcome.CANCELLED, "scan stopping: "
                            + control.reason(), Duration.ZERO);
                }
                exchange = transport.send(request);
            } finally {
                limiter.release(host);
            }
            events.publish(new ScanEvent.RequestSent(scanId, sent.incrementAndGet()));
            health.record(exchange);
            answers.record(exchange);
            if (!exchange.answered()) {
                transportErrors.incrementAndGet();
            }
            if (exchange.status() != 429 || attempt == max429Retries) {
                return exchange;
            }
            throttled.incrementAndGet();
            Duration wait = retryAfter(exchange);
            Duration left = Duration.between(Instant.now(), control.deadline());
            if (wait.compareTo(left) >= 0) {
                return exchange;
            }
            limiter.pause(host, wait.toNanos());
        }
        return exchange;
    }

    /** Politeness is per host and effective port: {@code http://h/} and {@code http://h:80/} share one limit. */
    static String hostKey(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The server's {@code Retry-After} (seconds or HTTP date), 1 s when absent, at most {@link #MAX_RETRY_AFTER}. */
    static Duration retryAfter(Exchange e) {
        String v = e.responseHeaders().first("Retry-After").orElse("").trim();
        Duration d = Duration.ofSeconds(1);
        if (v.matches("\\d{1,6}")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else if (!v.isEmpty()) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(Instant.now(), at.toInstant());
            } catch (DateTimeParseException ignored) {
                // keep the default
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    /**
     * The request that follows a redirect of {@code previous} (the last request of the chain, so a method a 303
     * changed stays changed): 303 turns every method into GET; 301 and 302 turn every method but HEAD into GET, as
     * browsers do; 307 and 308 keep the method and the body.
     * A body is forwarded only with an unchanged method, and its Content-Type only with it.
     */
    static HttpRequestRecord redirected(HttpRequestRecord previous, int status, URI next) {
        String method = previous.method();
        if (status == 303 || (status == 301 || status == 302) && !method.equals("HEAD")) {
            method = "GET";
        }
        if (method.equals(previous.method())) {
            return new HttpRequestRecord(method, next, previous.headers(), previous.body());
        }
        List<dev.parapet.model.Headers.Field> kept = previous.headers().fields().stream()
                .filter(f -> !f.name().equalsIgnoreCase("Content-Type")).toList();
        return new HttpRequestRecord(method, next, new dev.parapet.model.Headers(kept), "");
    }

    private static boolean isRedirect(Exchange e) {
        int s = e.status();
        return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && e.responseHeaders().has("Location");
    }

    private static URI location(Exchange e) {
        try {
            return e.request().uri().resolve(e.responseHeaders().first("Location").orElseThrow().trim());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    ScanStats stats(long shared, long endpoints) {
        return new ScanStats(sent.get(), shared, throttled.get(), outOfScope.get(), transportErrors.get(), endpoints);
    }

    /** What the target's answers were made of so far: the verdict's evidence. */
    Grading.Answers answers() {
        return answers.snapshot();
    }

    /** The target's death, when it answered and then stopped answering for good. */
    java.util.Optional<HostHealth.Outage> outage() {
        return health.outage();
    }

    CredentialStamp credentials() {
        return credentials;
    }

    long requestsSent() {
        return sent.get();
    }

    /** The scan's mode: what this executor lets through. */
    ScanMode mode() {
        return mode;
    }

    static String methodOf(String m) {
        return m.toUpperCase(Locale.ROOT);
    }
}
