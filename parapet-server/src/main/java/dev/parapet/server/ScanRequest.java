package dev.parapet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.config.ConfigLoader;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asked to scan, as queued: the target, the optional spec, check selection, mode, context and time
 * budget, and the {@code --allow-target} patterns that applied when it was accepted (the server's and the tenant's),
 * so a worker on another machine judges the target by the same policy. Immutable; stored as JSON in the job row.
 */
record ScanRequest(String target, String spec, List<String> checks, String mode, String context, String maxTime,
                   List<String> allowTargets) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ScanRequest {
        checks = checks == null ? List.of() : List.copyOf(checks);
        allowTargets = allowTargets == null ? List.of() : List.copyOf(allowTargets);
    }

    ScanRequest withAllowTargets(List<String> patterns) {
        return new ScanRequest(target, spec, checks, mode, context, maxTime, patterns);
    }

    /**
     * The scan's configuration: the server's own environment ({@code PARAPET_*}, credentials left out) under the
     * request's settings.
     *
     * @throws dev.parapet.config.ConfigException with a one-line reason when a setting is invalid
     */
    ConfigLoader.Resolved resolve(Map<String, String> environment) {
        URI uri = ConfigLoader.parseTarget(target);
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "spec", spec);
        put(flags, "mode", mode);
        put(flags, "context", context);
        put(flags, "max-time", maxTime);
        if (!checks.isEmpty()) {
            flags.put("checks", String.join(",", checks));
        }
        return ConfigLoader.resolve(uri, Map.of(),
                ConfigLoader.withoutCredentials(ConfigLoader.fromEnvironment(environment)), flags);
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null && !value.isBlank()) {
            flags.put(key, value);
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scan request always serialises", e);
        }
    }

    static ScanRequest fromJson(String json) {
        try {
            return JSON.readValue(json, ScanRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued scan request cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
