package dev.parapet.checks.dataexposure;

import dev.parapet.checks.dataexposure.ErrorSignatures.Probe;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a known-good URL into malformed variants that tend to make careless code throw: a quote or percent sign
 * appended to the first query value, or an id path segment replaced by an invalid byte or an over-long number.
 * Only the URL changes; the method stays GET. Stateless.
 */
final class ErrorProbes {

    /** A path segment that names one object: a number, a UUID or a long hex id. */
    private static final Pattern ID = Pattern.compile("\\d{1,19}|[0-9a-fA-F-]{16,36}");

    private ErrorProbes() {
    }

    static List<URI> variants(URI base, List<Probe> probes) {
        List<URI> out = new ArrayList<>();
        for (Probe p : probes) {
            (switch (p.target()) {
                case QUERY_VALUE_SUFFIX -> querySuffix(base, p.value());
                case ID_SEGMENT -> idSegment(base, p.value());
            }).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<URI> querySuffix(URI base, String value) {
        String query = base.getRawQuery();
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        int amp = query.indexOf('&');
        String first = amp < 0 ? query : query.substring(0, amp);
        String rest = amp < 0 ? "" : query.substring(amp);
        if (!first.contains("=")) {
            first = first + "=";
        }
        return build(base, base.getRawPath(), first + value + rest);
    }

    private static Optional<URI> idSegment(URI base, String value) {
        String path = base.getRawPath();
        if (path == null) {
            return Optional.empty();
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0 || !ID.matcher(trimmed.substring(slash + 1)).matches()) {
            return Optional.empty();
        }
        return build(base, trimmed.substring(0, slash + 1) + value, base.getRawQuery());
    }

    private static Optional<URI> build(URI base, String rawPath, String rawQuery) {
        try {
            return Optional.of(URI.create(base.getScheme() + "://" + base.getRawAuthority() + rawPath
                    + (rawQuery == null ? "" : "?" + rawQuery)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
