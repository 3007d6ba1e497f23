package dev.parapet.checks.inventory;

import dev.parapet.checks.support.CheckData;
import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ways an API can carry its version, for {@code api-versioning-missing}: a path segment ({@code v2},
 * {@code 2024-01-01}), a query parameter, a response header, or a versioned media type. {@code aliasPrefixes} are
 * the versioned prefixes tried in front of an unversioned path. Loaded from {@code signals.json}; patterns are
 * case-insensitive.
 */
record VersionSignals(String pathSegment, List<String> queryParameters, List<String> headers, String mediaType,
                      List<String> aliasPrefixes) {

    VersionSignals {
        queryParameters = List.copyOf(queryParameters);
        headers = List.copyOf(headers);
        aliasPrefixes = List.copyOf(aliasPrefixes);
    }

    static VersionSignals load() {
        return CheckData.load("api-versioning-missing", "signals.json", VersionSignals.class);
    }

    Pattern segmentPattern() {
        return Pattern.compile(pathSegment, Pattern.CASE_INSENSITIVE);
    }

    Pattern mediaTypePattern() {
        return Pattern.compile(mediaType, Pattern.CASE_INSENSITIVE);
    }

    /** Whether the URL names a version in a path segment or a query parameter. */
    boolean versionedUrl(URI uri, Pattern segment) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        for (String s : path.split("/")) {
            if (segment.matcher(s).matches()) {
                return true;
            }
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
        return queryParameters.stream().anyMatch(p -> query.startsWith(p + "=") || query.contains("&" + p + "="));
    }

    /** The response header or media type that names a version, or an empty string. */
    String versionInResponse(Exchange e, Pattern mediaType) {
        for (String h : headers) {
            if (e.responseHeaders().has(h)) {
                return h + ": " + e.responseHeaders().first(h).orElse("");
            }
        }
        String contentType = e.response() == null ? "" : e.response().contentType();
        return mediaType.matcher(contentType).find() ? "Content-Type: " + contentType : "";
    }
}
