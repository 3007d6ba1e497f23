package dev.parapet.config;

import dev.parapet.model.ProbeTier;
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
 * values synthesised for spec parameters repeatable. {@code specHosts} are hosts besides the target's from which a
 * spec URL may be fetched ({@code --spec-host}). {@code identities} are the credentials probes carry
 * ({@code --auth-*}, {@code --auth2-*}). {@code oobUrl} is the base URL of the out-of-band canary as the target
 * reaches it ({@code --oob-url}); empty means Parapet's own loopback canary, usable only when the target is local.
 * {@code tier} is how many active probes tiered checks send. {@code ownedHost} is the host the user declared as
 * their own ({@code --i-own}); active probes that change state run only when it matches the target's host.
 * {@code maxRequests} bounds the requests of the whole scan ({@code --max-requests}); 0 means derived from rate
 * and time (see {@link #requestBudget()}). {@code allowDelete} lets active mode send DELETE ({@code --allow-delete});
 * without it no DELETE is ever sent. A {@code target} given with user-info ({@code http://user:password@host/}) is
 * kept without it; the credential becomes the primary identity's Basic {@code Authorization} (see
 * {@link TargetUserInfo}).
 */
public record ScanConfig(URI target, List<URI> scope, ScanMode mode, ScanContext context, double rate,
                         int concurrency, Duration maxTime, Duration connectTimeout, Duration readTimeout,
                         int maxBodyBytes, int maxRedirects, int hostErrorBudget, int maxDiscoveredEndpoints,
                         Set<String> checks, boolean insecure, String spec, long seed, List<String> specHosts,
                         Identities identities, String oobUrl, ProbeTier tier, String ownedHost, int maxRequests,
                         boolean allowDelete) {

    public ScanConfig {
        scope = List.copyOf(scope);
        checks = Set.copyOf(checks);
        spec = spec == null ? "" : spec.strip();
        specHosts = specHosts == null ? List.of() : List.copyOf(specHosts);
        identities = identities == null ? Identities.NONE : identities;
        // user-info never stays in the target: everything that shows the target shows it without the password
        TargetUserInfo.Split split = TargetUserInfo.split(target, identities);
        target = split.target();
        identities = split.identities();
        oobUrl = oobUrl == null ? "" : oobUrl.strip();
        tier = tier == null ? ProbeTier.STANDARD : tier;
        ownedHost = ownedHost == null ? "" : ownedHost.strip();
        if (maxRequests < 0) {
            throw new IllegalArgumentException("maxRequests must not be negative");
        }
    }

    /** The settings without a request budget of their own (derived from rate and time, see {@link #requestBudget}). */
    public ScanConfig(URI target, List<URI> scope, ScanMode mode, ScanContext context, double rate,
                      int concurrency, Duration maxTime, Duration connectTimeout, Duration readTimeout,
                      int maxBodyBytes, int maxRedirects, int hostErrorBudget, int maxDiscoveredEndpoints,
                      Set<String> checks, boolean insecure, String spec, long seed, List<String> specHosts,
                      Identities identities, String oobUrl, ProbeTier tier, String ownedHost) {
        this(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, specHosts,
                identities, oobUrl, tier, ownedHost, 0, false);
    }

    /**
     * The most requests the whole scan may send ({@code --max-requests}): the configured value, or, when none was
     * given, what the rate allows in the time budget ({@code rate × maxTime}), so the default fits the default
     * {@code --max-time} at the default {@code --rate} (25/s × 120 s = 3,000) and grows with either.
     */
    public int requestBudget() {
        if (maxRequests > 0) {
            return maxRequests;
        }
        double derived = rate * Math.max(1, maxTime.toSeconds());
        return (int) Math.min(Integer.MAX_VALUE, Math.max(100, Math.floor(derived)));
    }

    /** The same settings letting {@code --mode active} send DELETE to documented operations ({@code --allow-delete}). */
    public ScanConfig withAllowDelete(boolean allow) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed,
                specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allow);
    }

    public ScanConfig withMaxRequests(int newMaxRequests) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed,
                specHosts, identities, oobUrl, tier, ownedHost, newMaxRequests, allowDelete);
    }

    /** The settings with a spec source and seed, and defaults for everything added since. */
    public ScanConfig(URI target, List<URI> scope, ScanMode mode, ScanContext context, double rate,
                      int concurrency, Duration maxTime, Duration connectTimeout, Duration readTimeout,
                      int maxBodyBytes, int maxRedirects, int hostErrorBudget, int maxDiscoveredEndpoints,
                      Set<String> checks, boolean insecure, String spec, long seed) {
        this(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout, maxBodyBytes,
                maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, List.of(),
                Identities.NONE, "", ProbeTier.STANDARD, "");
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
                newSeed, specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public static ScanConfig defaults(URI target) {
        return new ScanConfig(target, List.of(), ScanMode.SAFE, ScanContext.DEFAULT, 25.0, 8, Duration.ofSeconds(120),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20, 5, 10, 60, Set.of(), false);
    }

    public ScanConfig withChecks(Set<String> newChecks) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, newChecks, insecure, spec, seed,
                specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withMaxTime(Duration newMaxTime) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, newMaxTime, connectTimeout, readTimeout,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withTimeouts(Duration connect, Duration read) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connect, read,
                maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withRate(double newRate, int newConcurrency) {
        return new ScanConfig(target, scope, mode, context, newRate, newConcurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withMaxBodyBytes(int bytes) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, bytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withScope(List<URI> newScope) {
        return new ScanConfig(target, newScope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec, seed, specHosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withSpecHosts(List<String> hosts) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec,
                seed, hosts, identities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withIdentities(Identities newIdentities) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec,
                seed, specHosts, newIdentities, oobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withOobUrl(String newOobUrl) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec,
                seed, specHosts, identities, newOobUrl, tier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withTier(ProbeTier newTier) {
        return new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec,
                seed, specHosts, identities, oobUrl, newTier, ownedHost, maxRequests, allowDelete);
    }

    public ScanConfig withMode(ScanMode newMode, String newOwnedHost) {
        return new ScanConfig(target, scope, newMode, context, rate, concurrency, maxTime, connectTimeout,
                readTimeout, maxBodyBytes, maxRedirects, hostErrorBudget, maxDiscoveredEndpoints, checks, insecure, spec,
                seed, specHosts, identities, oobUrl, tier, newOwnedHost, maxRequests, allowDelete);
    }
}
