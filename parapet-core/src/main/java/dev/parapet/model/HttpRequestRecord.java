package dev.parapet.model;

import java.net.URI;

/** A request as it was sent (or was to be sent). {@code body} is text, or empty when there was none. */
public record HttpRequestRecord(String method, URI uri, Headers headers, String body) {
    public HttpRequestRecord {
        body = body == null ? "" : body;
        headers = headers == null ? Headers.EMPTY : headers;
    }
}
