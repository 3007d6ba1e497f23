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
        SPEC,
        /** An API description found at a common location, a Swagger UI or ReDoc page, or a Link header. */
        API_DOCUMENT,
        /** The action of an HTML form on an in-scope page. */
        FORM,
        /** A path literal in a same-origin JavaScript bundle. */
        SCRIPT,
        /** A common path (admin, debug, docs…) that answered under a base path the scan learnt. */
        WORDLIST,
        /** A parameter that parameter mining found the endpoint reacts to. */
        MINED;

        /** {@code spec}, {@code html form}, …: how text reports name it. */
        public String label() {
            return switch (this) {
                case TARGET -> "target";
                case DISCOVERED -> "crawl";
                case SPEC -> "spec";
                case API_DOCUMENT -> "api document";
                case FORM -> "html form";
                case SCRIPT -> "javascript";
                case WORDLIST -> "wordlist";
                case MINED -> "mined";
            };
        }
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
