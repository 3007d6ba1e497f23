package dev.parapet.model;

import java.net.URI;

/**
 * A request as it was sent (or was to be sent). {@code body} is text, or empty when there was none; {@code caller}
 * says whose credentials the engine attached ({@link Caller#ANONYMOUS} until it attached some).
 */
public record HttpRequestRecord(String method, URI uri, Headers headers, String body, Caller caller) {
    public HttpRequestRecord {
        body = body == null ? "" : body;
        headers = headers == null ? Headers.EMPTY : headers;
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    /** A request no credentials were attached to. */
    public HttpRequestRecord(String method, URI uri, Headers headers, String body) {
        this(method, uri, headers, body, Caller.ANONYMOUS);
    }

    /** The same request with {@code newHeaders}, sent by the same caller. */
    public HttpRequestRecord withHeaders(Headers newHeaders) {
        return new HttpRequestRecord(method, uri, newHeaders, body, caller);
    }

    /** The same request as it goes out carrying {@code who}'s credentials. */
    public HttpRequestRecord sentAs(Caller who) {
        return new HttpRequestRecord(method, uri, headers, body, who);
    }
}
