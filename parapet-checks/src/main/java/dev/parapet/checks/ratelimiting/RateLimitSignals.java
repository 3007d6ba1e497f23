package dev.parapet.checks.ratelimiting;

import dev.parapet.checks.support.CheckData;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What counts as a sign of rate limiting in one answered exchange: a throttling status or a rate-limit header.
 * Loaded from {@code checks/rate-limit-absent/signals.json}. Immutable and thread-safe.
 *
 * @param headers          exact header names (any case)
 * @param headerPrefixes   header-name prefixes (any case)
 * @param throttleStatuses statuses that mean the request was refused for its rate
 */
public record RateLimitSignals(List<String> headers, List<String> headerPrefixes, List<Integer> throttleStatuses) {

    public RateLimitSignals {
        headers = List.copyOf(headers);
        headerPrefixes = headerPrefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        throttleStatuses = List.copyOf(throttleStatuses);
    }

    static RateLimitSignals load() {
        return CheckData.load("rate-limit-absent", "signals.json", RateLimitSignals.class);
    }

    /** The first signal in {@code e} as short evidence ({@code "429"} or {@code "RateLimit-Remaining: 3"}), if any. */
    public Optional<String> in(Exchange e) {
        if (!e.answered()) {
            return Optional.empty();
        }
        if (throttleStatuses.contains(e.status())) {
            return Optional.of("status " + e.status());
        }
        return in(e.responseHeaders());
    }

    Optional<String> in(Headers response) {
        for (Headers.Field f : response.fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            boolean exact = headers.stream().anyMatch(h -> h.equalsIgnoreCase(f.name()));
            if (exact || headerPrefixes.stream().anyMatch(name::startsWith)) {
                return Optional.of(f.name() + ": " + f.value());
            }
        }
        return Optional.empty();
    }
}
