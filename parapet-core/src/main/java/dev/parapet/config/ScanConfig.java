package dev.parapet.config;

import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One scan's settings, immutable and validated (see {@link ConfigLoader}). Units: {@code rate} requests per second
 * per host; {@code concurrency} requests in flight per host; {@code maxBodyBytes} bytes kept of each body, raw and
 * decoded; {@code hostErrorBudget} consecutive failed requests to one host before the scan stops.
 * {@code scope} holds extra origins ({@code scheme://host:port}) the scan may reach besides the target's own.
 * {@code checks} selects check or category ids; empty means all. {@code spec} is an API description to read (a
 * file path or a URL inside the target's origin); empty means use one discovery finds. {@code seed} makes the
 * values synthesised for spec parameters repeatable.
 */
public record ScanConfig(URI target, List<URI> scope, ScanMode mode, ScanContext context, double rate,
                         int concurrency, Duration maxTime, Duration connectTimeout, Duration readTimeout,
                         int maxBodyBytes, int maxRedirects, int hostErrorBudget, int maxDiscoveredEndpoints,
                         Set<String> checks, boolean insecure, String spec, long seed) {

    public ScanConfig {
        scope = List.copyOf(scope);
        checks = Set.copyOf(checks);
        spec = spec == null ? "" : spec.strip();
    }

    /** The settings without a spec source: discovery's API documents are used, with seed 0. */
    public ScanConfig(URI target, List<URI> scope, ScanMode mode, ScanContext context, double rate,
                      int concurrency, Duration maxTime, Duration connectTimeout, Duration readTimeout,
                      int maxBodyBytes, int maxRedirects, int hostErrorBudget, int maxDiscoveredEndpoints,
                      Set<String> checks, boolean insecure) {
        this(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, "", 0L);
    }

    /** The same settings reading the API description at {@code newSpec} (file path or in-scope URL). */
    public ScanConfig withSpec(String newSpec, long newSeed) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, newSpec,
                newSeed);
    }

    public static ScanConfig defaults(URI target) {
        return new ScanConfig(target, List.of(), ScanMode.SAFE, ScanContext.DEFAULT, 25.0, 8, Duration.ofSeconds(120),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20, 5, 10, 60, Set.of(), false);
    }

    public ScanConfig withChecks(Set<String> newChecks) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, newChecks, insecure, spec, seed);
    }

    public ScanConfig withMaxTime(Duration newMaxTime) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, newMaxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed);
    }

    public ScanConfig withTimeouts(Duration connect, Duration read) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connect, read,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed);
    }

    public ScanConfig withRate(double newRate, int newConcurrency) {
        return new ScanConfig(target, scope, mode, context, newRate, newConcurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed);
    }

    public ScanConfig withMaxBodyBytes(int bytes) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, bytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed);
    }

    public ScanConfig withScope(List<URI> newScope) {
        return new ScanConfig(target, newScope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed);
    }
}
