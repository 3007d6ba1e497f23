package dev.parapet.spi;

import dev.parapet.model.Headers;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the {@link Canary} received for a token it issued. Header values and the body are cut to a few
 * hundred characters each. Immutable.
 *
 * @param method        the request method
 * @param path          the request path and query as received (starts with {@code /token})
 * @param headers       the request headers, at most a few dozen
 * @param remoteAddress the peer's address and port as the canary saw it ({@code 127.0.0.1:51234})
 * @param at            when the request arrived
 * @param body          the start of the request body, empty when there was none
 */
public record CanaryHit(String method, String path, Headers headers, String remoteAddress, Instant at, String body) {

    public CanaryHit {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Headers.EMPTY : headers;
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        Objects.requireNonNull(at, "at");
        body = body == null ? "" : body;
    }

    /** The User-Agent the requester sent, empty when none. */
    public String userAgent() {
        return headers.first("User-Agent").orElse("");
    }

    /** One line for evidence: {@code GET /3f2a… from 127.0.0.1:51234, User-Agent: node}. */
    public String summary() {
        String ua = userAgent();
        return method + " " + path + " from " + remoteAddress + (ua.isEmpty() ? "" : ", User-Agent: " + ua);
    }
}
