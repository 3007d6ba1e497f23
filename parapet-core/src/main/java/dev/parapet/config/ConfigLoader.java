package dev.parapet.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.model.ProbeTier;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the one immutable configuration from layers: defaults &lt; {@code parapet.yaml} &lt; {@code PARAPET_*}
 * environment variables &lt; command-line flags. Every layer uses the same keys (the flag names without dashes:
 * {@code rate}, {@code max-time}, …; in the environment upper-case with underscores: {@code PARAPET_MAX_TIME}).
 * Validation happens once, here; errors name the layer the bad value came from and what to type instead.
 */
public final class ConfigLoader {

    /** Keys every layer may set. */
    public static final Set<String> KEYS = java.util.stream.Stream.concat(Stream.of("scope", "mode", "context", "rate",
            "concurrency", "max-time", "connect-timeout", "read-timeout", "max-body", "max-redirects",
            "host-error-budget", "max-endpoints", "max-requests", "checks", "insecure", "threshold", "fail-on", "spec", "seed",
            "spec-host", "tier", "oob-url", "i-own", "allow-delete"), CredentialOptions.KEYS.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public record Resolved(ScanConfig scan, Gate gate) {
    }

    private record Value(String text, String source) {
    }

    private ConfigLoader() {
    }

    /** Reads a flat YAML file of the keys above; a missing file is an empty layer. */
    public static Map<String, String> readFile(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            Map<String, String> out = new LinkedHashMap<>();
            if (root == null || root.isNull()) {
                return out;
            }
            if (!root.isObject()) {
                throw new ConfigException(file + ": expected key: value lines (for example 'rate: 10')");
            }
            root.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                // several credential lines are one per line: a header value may itself contain commas
                boolean lines = CredentialOptions.KEYS.contains(e.getKey());
                out.put(e.getKey(), v.isArray() ? joinArray(v, lines ? "\n" : ",") : v.asText());
            });
            return out;
        } catch (IOException e) {
            throw new ConfigException(file + " is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String joinArray(JsonNode array, String separator) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(separator, parts);
    }

    /**
     * {@code layer} without its credential settings ({@code auth-*}, {@code auth2-*}): for adapters whose callers
     * name the target, such as the MCP server, so the operator's credentials never follow a target someone else chose.
     */
    public static Map<String, String> withoutCredentials(Map<String, String> layer) {
        Map<String, String> out = new LinkedHashMap<>(layer);
        out.keySet().removeIf(k -> CredentialOptions.KEYS.contains(k.toLowerCase(Locale.ROOT).replace('_', '-')));
        return out;
    }

    /** The {@code PARAPET_*} variables of {@code env}, as keys of this loader. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : KEYS) {
            String name = "PARAPET_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                out.put(key, v);
            }
        }
        return out;
    }

    public static Resolved resolve(URI target, Map<String, String> file, Map<String, String> env,
                                   Map<String, String> flags) {
        Map<String, Value> merged = new LinkedHashMap<>();
        layer(merged, file, "parapet.yaml");
        layer(merged, env, "env");
        layer(merged, flags, "flag");
        ScanConfig d = ScanConfig.defaults(target);

        List<URI> scope = new ArrayList<>();
        Value scopeValue = merged.get("scope");
        if (scopeValue != null) {
            for (String part : scopeValue.text().split(",")) {
                if (!part.isBlank()) {
                    scope.add(origin(part.trim(), where(scopeValue, "scope")));
                }
            }
        }
        ScanMode mode = parse(merged, "mode", d.mode(), ScanMode::parse);
        Value ownValue = merged.get("i-own");
        String ownedHost = ownValue == null ? "" : ownValue.text().strip().toLowerCase(Locale.ROOT);
        if (mode == ScanMode.ACTIVE && !ownedHost.equals(target.getHost().toLowerCase(Locale.ROOT))) {
            throw new ConfigException("--mode active changes data on the target: confirm you own it with --i-own "
                    + target.getHost() + " (the host must match the target's)");
        }
        boolean allowDelete = bool(merged, "allow-delete", false);
        if (allowDelete && mode != ScanMode.ACTIVE) {
            throw new ConfigException("--allow-delete lets --mode active send DELETE; give it with --mode active "
                    + "--i-own " + target.getHost() + ", or leave it out");
        }
        ScanContext context = parse(merged, "context", d.context(), ScanContext::parse);
        double rate = number(merged, "rate", d.rate(), 0.1, 10_000, "--rate 10");
        int concurrency = integer(merged, "concurrency", d.concurrency(), 1, 64, "--concurrency 4");
        Duration maxTime = duration(merged, "max-time", d.maxTime(), "--max-time 60s");
        Duration connect = duration(merged, "connect-timeout", d.connectTimeout(), "--connect-timeout 5s");
        Duration read = duration(merged, "read-timeout", d.readTimeout(), "--read-timeout 10s");
        int maxBody = size(merged, "max-body", d.maxBodyBytes());
        int maxRedirects = integer(merged, "max-redirects", d.maxRedirects(), 0, 20, "--max-redirects 5");
        int hostErrors = integer(merged, "host-error-budget", d.hostErrorBudget(), 1, 1000, "--host-error-budget 10");
        int maxEndpoints = integer(merged, "max-endpoints", d.maxDiscoveredEndpoints(), 1, 10_000, "--max-endpoints 60");
        int maxRequests = integer(merged, "max-requests", 0, 1, 10_000_000, "--max-requests 5000");
        Set<String> checks = new LinkedHashSet<>();
        Value checksValue = merged.get("checks");
        if (checksValue != null) {
            Arrays.stream(checksValue.text().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> s.toLowerCase(Locale.ROOT)).forEach(checks::add);
        }
        boolean insecure = bool(merged, "insecure", d.insecure());
        Value specValue = merged.get("spec");
        String spec = specValue == null ? d.spec() : specValue.text().strip();
        long seed = integer(merged, "seed", 0, 0, Integer.MAX_VALUE, "--seed 42");
        List<String> specHosts = new ArrayList<>();
        Value specHostValue = merged.get("spec-host");
        if (specHostValue != null) {
            for (String part : specHostValue.text().split(",")) {
                String host = part.strip().toLowerCase(Locale.ROOT);
                if (host.isEmpty()) {
                    continue;
                }
                if (!host.matches("[a-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9a-f:.]+](:\\d{1,5})?")) {
                    throw new ConfigException(where(specHostValue, "spec-host") + ": '" + part.strip()
                            + "' is not a host name; give one like --spec-host specs.example.com");
                }
                specHosts.add(host);
            }
        }
        ProbeTier tier = parse(merged, "tier", d.tier(), ProbeTier::parse);
        Value oobValue = merged.get("oob-url");
        String oobUrl = "";
        if (oobValue != null && !oobValue.text().isBlank()) {
            oobUrl = origin(oobValue.text().strip(), where(oobValue, "oob-url")).toString();
        }

        Optional<Integer> threshold = Optional.empty();
        Value t = merged.get("threshold");
        if (t != null) {
            threshold = Optional.of(integer(merged, "threshold", 0, 0, 101, "--threshold 70"));
        }
        Optional<Severity> failOn = Gate.DEFAULT.failOn();
        Value f = merged.get("fail-on");
        if (f != null) {
            if (f.text().trim().equalsIgnoreCase("none")) {
                failOn = Optional.empty();
            } else {
                try {
                    failOn = Optional.of(Severity.parse(f.text()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where(f, "fail-on") + ": unknown severity '" + f.text()
                            + "' (valid: none, info, low, medium, high, critical)");
                }
            }
        }
        for (String key : List.of("auth-command", "auth2-command")) {
            Value command = merged.get(key);
            if (command != null && command.source().equals("parapet.yaml")) {
                // a settings file travels with a checked-out repository: reading it must never run a command
                throw new ConfigException("parapet.yaml: " + key + " is not read from a settings file, which must "
                        + "never run a command; give it as --" + key + " or PARAPET_"
                        + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        }
        Identities identities = CredentialOptions.identities(key -> {
            Value v = merged.get(key);
            return v == null ? null : new CredentialOptions.Setting(v.text(), where(v, key));
        });
        return new Resolved(new ScanConfig(target, scope, mode, context, rate, concurrency, maxTime, connect, read,
                maxBody, maxRedirects, hostErrors, maxEndpoints, checks, insecure, spec, seed, specHosts, identities,
                oobUrl, tier, ownedHost, maxRequests, allowDelete), new Gate(threshold, failOn));
    }

    private static void layer(Map<String, Value> merged, Map<String, String> values, String source) {
        values.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT).replace('_', '-');
            if (!KEYS.contains(key)) {
                if (source.equals("parapet.yaml")) {
                    throw new ConfigException("parapet.yaml: unknown key '" + k + "' (valid: " + String.join(", ",
                            KEYS.stream().sorted().toList()) + ")");
                }
                return;
            }
            if (v != null) {
                merged.put(key, new Value(v, source));
            }
        });
    }

    private static String where(Value v, String key) {
        return switch (v.source()) {
            case "flag" -> "--" + key;
            case "env" -> "PARAPET_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
            default -> "parapet.yaml: " + key;
        };
    }

    /** An example in the syntax of the layer the bad value came from: {@code --rate 10}, {@code PARAPET_RATE=10}. */
    private static String exampleFor(Value v, String key, String flagExample) {
        String value = flagExample.substring(flagExample.indexOf(' ') + 1);
        return switch (v.source()) {
            case "flag" -> "--" + key + " " + value;
            case "env" -> "PARAPET_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + "=" + value;
            default -> key + ": " + value;
        };
    }

    private interface Parser<T> {
        T parse(String s);
    }

    private static <T> T parse(Map<String, Value> merged, String key, T fallback, Parser<T> parser) {
        Value v = merged.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return parser.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where(v, key) + ": " + e.getMessage());
        }
    }

    private static double number(Map<String, Value> merged, String key, double fallback, double min, double max,
                                 String example) {
        Value v = merged.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.text().trim());
            if (d < min || d > max || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(where(v, key) + " must be a number from " + fmt(min) + " to " + fmt(max)
                    + ", got '" + v.text() + "' (for example " + exampleFor(v, key, example) + ")");
        }
    }

    /** Counts and limits: a fraction such as {@code 2.5} is refused rather than silently cut to {@code 2}. */
    private static int integer(Map<String, Value> merged, String key, int fallback, int min, int max,
                               String example) {
        Value v = merged.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.text().trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(where(v, key) + " must be a whole number from " + min + " to " + max
                    + ", got '" + v.text() + "' (for example " + exampleFor(v, key, example) + ")");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static boolean bool(Map<String, Value> merged, String key, boolean fallback) {
        Value v = merged.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.text().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(where(v, key) + " must be true or false, got '" + v.text() + "'");
        };
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** Parses {@code 90}, {@code 90s}, {@code 2m}, {@code 500ms}, {@code 1h}; bare numbers are seconds. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = (long) switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        return Duration.ofMillis(millis);
    }

    private static Duration duration(Map<String, Value> merged, String key, Duration fallback, String example) {
        Value v = merged.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            Duration d = parseDuration(v.text());
            if (d.isZero() || d.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where(v, key) + " must be a duration between 1ms and 24h such as 90s, 2m or 500ms, got '"
                    + v.text() + "' (for example " + exampleFor(v, key, example) + ")");
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib)?");

    private static int size(Map<String, Value> merged, String key, int fallback) {
        Value v = merged.get(key);
        if (v == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(v.text().trim().toLowerCase(Locale.ROOT));
        long bytes = -1;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "b" : m.group(2);
            bytes = unit.startsWith("k") ? n * 1024 : unit.startsWith("m") ? n * 1024 * 1024 : n;
        }
        if (bytes < 1024 || bytes > 64L * 1024 * 1024) {
            throw new ConfigException(where(v, key) + " must be a size from 1KiB to 64MiB such as 1MiB or 512KiB, got '"
                    + v.text() + "'");
        }
        return (int) bytes;
    }

    private static URI origin(String text, String where) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || u.getHost() == null
                    || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
                throw new URISyntaxException(text, "not an http(s) origin");
            }
            return new URI(u.getScheme().toLowerCase(Locale.ROOT), null, u.getHost().toLowerCase(Locale.ROOT),
                    u.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ": '" + text + "' is not an origin; write it as https://host[:port]");
        }
    }

    /** Validates the target argument: an absolute http(s) URL with a host. */
    public static URI parseTarget(String given) {
        // a password in the URL's user-info never reaches an error message
        String text = dev.parapet.http.Redactor.text(given);
        String hint = "give an absolute URL such as http://127.0.0.1:8080/api";
        URI u;
        try {
            u = new URI(given.trim());
        } catch (URISyntaxException e) {
            if (text.trim().matches("(?i)https?://([/?#].*)?")) {
                throw new ConfigException("'" + text + "' has no host: " + hint); // "http://" alone is a typo
            }
            throw new ConfigException("'" + text + "' is not a valid URL: " + hint);
        }
        if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
            throw new ConfigException("'" + text + "' is not an http(s) URL: " + hint);
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new ConfigException("'" + text + "' has no host: " + hint);
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority() + path
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
