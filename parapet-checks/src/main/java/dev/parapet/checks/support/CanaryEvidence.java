package dev.parapet.checks.support;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Turns what the canary received into finding evidence: the request the target made, as an exchange (so reports
 * show it next to the probe, redacted like any other) and as one line. Pure; thread-safe.
 */
public final class CanaryEvidence {

    /** Tag of findings proven out of band: their curl command cannot show the proof again once the scan's canary
     * has stopped. */
    public static final String TAG = "out-of-band";

    private CanaryEvidence() {
    }

    /** The target's request to the canary and the page the canary answered with. */
    public static Exchange exchangeOf(CanaryToken token, CanaryHit hit) {
        URI base = token.url();
        URI asReceived = URI.create(base.getScheme() + "://" + base.getRawAuthority() + hit.path());
        String page = token.page();
        HttpResponseRecord served = new HttpResponseRecord(200, Headers.of("Content-Type", "text/html; charset=utf-8"),
                page, page.getBytes(StandardCharsets.UTF_8).length, false, "");
        return Exchange.answered(new HttpRequestRecord(hit.method(), asReceived, hit.headers(), hit.body()), served,
                Duration.ZERO, 0);
    }

    /**
     * {@code the canary received GET /{token}?challenge=1 from 127.0.0.1:51234, User-Agent: node (2 requests)}: the
     * token, already shown in the planted URL, is written {@code {token}} so evidence stays short and readable.
     */
    public static String line(CanaryToken token, List<CanaryHit> hits) {
        CanaryHit first = hits.getFirst();
        String ua = first.userAgent();
        return "the canary received " + first.method() + " " + first.path().replace(token.token(), "{token}")
                + " from " + first.remoteAddress() + (ua.isEmpty() ? "" : ", User-Agent: " + ua)
                + (hits.size() > 1 ? " (" + hits.size() + " requests)" : "");
    }
}
