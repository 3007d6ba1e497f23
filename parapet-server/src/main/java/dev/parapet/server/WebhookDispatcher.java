package dev.parapet.server;

import dev.parapet.http.PinnedAddresses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends webhook messages: every {@code poll} it writes the messages of jobs that ended ({@link Webhooks#fanOut}) and
 * attempts the ones that are due, one at a time, each signed ({@link WebhookSignature}) and POSTed with a 10 s
 * timeout, no redirects followed, to the address the target policy checked (the same policy as scans: the server's
 * {@code --allow-target} patterns plus the tenant's). A failed attempt is retried after {@code backoff}, doubling,
 * up to {@link Webhooks#MAX_ATTEMPTS}. Any number of dispatchers may share a database. One background thread.
 */
final class WebhookDispatcher implements AutoCloseable {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final Webhooks webhooks;
    private final Tenants tenants;
    private final List<String> serverAllowTargets;
    private final Duration backoff;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final BackgroundLoop loop;

    WebhookDispatcher(Webhooks webhooks, Tenants tenants, List<String> serverAllowTargets, Duration poll,
                      Duration backoff, Clock clock) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.serverAllowTargets = List.copyOf(serverAllowTargets);
        this.backoff = backoff;
        this.clock = clock;
        this.loop = new BackgroundLoop("parapet-webhooks", poll, this::round);
    }

    WebhookDispatcher start() {
        loop.start();
        return this;
    }

    private void round() throws InterruptedException {
        webhooks.fanOut(50, this::payload);
        for (Webhooks.Due d : webhooks.claimDue(10, ATTEMPT_TIMEOUT.plusSeconds(5))) {
            if (loop.stopping()) {
                return; // the claim lapses after its timeout and another dispatcher tries again
            }
            attempt(d);
        }
    }

    private String payload(Job job, WebhookEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", event.id());
        m.put("timestamp", clock.instant().toString());
        m.put("data", Views.job(job));
        return Views.json(m);
    }

    private void attempt(Webhooks.Due d) throws InterruptedException {
        long started = System.nanoTime();
        Integer code = null;
        String error = null;
        List<String> allowed = new ArrayList<>(serverAllowTargets);
        tenants.byId(d.tenantId()).ifPresent(t -> allowed.addAll(t.allowTargets()));
        URI url = URI.create(d.url());
        try (PinnedAddresses.Pin pin = ServerTargetPolicy.of(allowed).admit(url)) {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(ATTEMPT_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Parapet-Webhooks")
                    .header("webhook-id", d.id())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(d.secret(), d.id(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code < 200 || code >= 300) {
                error = "the receiver answered " + code;
            }
        } catch (ServerTargetPolicy.Refused e) {
            error = e.getMessage();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        webhooks.recordAttempt(d, code, (System.nanoTime() - started) / 1_000_000, error, backoff);
    }

    @Override
    public void close() {
        loop.close();
    }
}
