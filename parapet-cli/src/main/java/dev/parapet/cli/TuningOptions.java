package dev.parapet.cli;

import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/**
 * Scan settings. Every option is optional: values not given here come from PARAPET_* environment variables, then
 * from parapet.yaml, then from the defaults (see README). Kept as text so the one validator in core reports errors.
 */
final class TuningOptions {

    @Option(names = "--checks", paramLabel = "IDS", split = ",",
            description = "Run only these check or category ids (comma-separated). See 'parapet checks'.")
    List<String> checks;

    @Option(names = "--scope", paramLabel = "ORIGIN", description = "Also allow requests to ORIGIN (https://host[:port]). Repeatable.")
    List<String> scope;

    @Option(names = "--mode", paramLabel = "MODE", description = "passive, safe (default) or active. Safe sends only GET, HEAD, OPTIONS and TRACE; active needs --i-own.")
    String mode;

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "default, financial, medical, public or internal: shifts category weights (docs/scoring.md).")
    String context;

    @Option(names = "--rate", paramLabel = "N", description = "At most N requests per second per host (default 25).")
    String rate;

    @Option(names = "--concurrency", paramLabel = "N", description = "At most N requests in flight per host (default 8).")
    String concurrency;

    @Option(names = "--max-time", paramLabel = "DURATION", description = "Time budget for the whole scan, e.g. 120s (default) or 5m.")
    String maxTime;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "Connect timeout (default 5s).")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", description = "Time allowed for a whole response (default 10s).")
    String readTimeout;

    @Option(names = "--max-body", paramLabel = "SIZE", description = "Keep at most SIZE of each response body (default 1MiB).")
    String maxBody;

    @Option(names = "--max-endpoints", paramLabel = "N", description = "Discover at most N endpoints by following links (default 60); documented operations are never limited by it.")
    String maxEndpoints;

    @Option(names = "--max-requests", paramLabel = "N", description = "Send at most N requests in the whole scan (default: rate × max-time, 3000 with the defaults); what the budget does not reach is reported as untested.")
    String maxRequests;

    @Option(names = "--insecure", description = "Accept untrusted TLS certificates (they are still reported as findings).")
    Boolean insecure;

    @Option(names = "--spec", paramLabel = "FILE|URL",
            description = "Read this OpenAPI/Swagger document (a file, or a URL on the target's origin) instead of one discovery finds.")
    String spec;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for values synthesised from the spec (default 0).")
    String seed;

    @Option(names = "--spec-host", paramLabel = "HOST", split = ",",
            description = "A host besides the target's from which a --spec URL may be fetched (repeatable).")
    List<String> specHosts;

    @Option(names = "--tier", paramLabel = "quick|standard|deep",
            description = "How many active probes tiered checks (LLM prompt injection) send: about 4, 10 or 18 (default standard).")
    String tier;

    @Option(names = "--oob-url", paramLabel = "URL",
            description = "Base URL at which the target can reach Parapet's out-of-band canary (default: a loopback canary, for local targets).")
    String oobUrl;

    @Option(names = "--i-own", paramLabel = "HOST",
            description = "Declares you own the target host; required by --mode active, which may change data and restores it.")
    String iOwn;

    @Option(names = "--allow-delete", description = "With --mode active: also send DELETE to documented operations (never without it).")
    Boolean allowDelete;

    void into(Map<String, String> flags) {
        put(flags, "checks", checks == null ? null : String.join(",", checks));
        put(flags, "scope", scope == null ? null : String.join(",", scope));
        put(flags, "mode", mode);
        put(flags, "context", context);
        put(flags, "rate", rate);
        put(flags, "concurrency", concurrency);
        put(flags, "max-time", maxTime);
        put(flags, "connect-timeout", connectTimeout);
        put(flags, "read-timeout", readTimeout);
        put(flags, "max-body", maxBody);
        put(flags, "max-endpoints", maxEndpoints);
        put(flags, "max-requests", maxRequests);
        put(flags, "insecure", insecure == null ? null : insecure.toString());
        put(flags, "spec", spec);
        put(flags, "seed", seed);
        put(flags, "spec-host", specHosts == null ? null : String.join(",", specHosts));
        put(flags, "tier", tier);
        put(flags, "oob-url", oobUrl);
        put(flags, "i-own", iOwn);
        put(flags, "allow-delete", allowDelete == null ? null : allowDelete.toString());
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
