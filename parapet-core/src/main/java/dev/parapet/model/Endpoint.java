package dev.parapet.model;

import java.net.URI;

/** A method and URL the scan knows about, with where it learnt of it. */
public record Endpoint(String method, URI uri, Source source) {

    public enum Source {
        /** The URL the user gave. */
        TARGET,
        /** Found while crawling links in responses or robots.txt. */
        DISCOVERED,
        /** Read from an OpenAPI document. */
        SPEC
    }

    public Endpoint {
        method = method.toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code GET /path?query}: the display form used in every output. */
    public String display() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return method + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
