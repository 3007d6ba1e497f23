package dev.parapet.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What GitHub code scanning asks of an uploaded SARIF file beyond the SARIF 2.1.0 schema (its "SARIF support for
 * code scanning" page and the upload limits): version 2.1.0; at most 20 runs, 25,000 results and 25,000 rules a run;
 * rule ids of at most 255 characters, unique, each result's {@code ruleId} among them; levels {@code none},
 * {@code note}, {@code warning} or {@code error}; {@code security-severity} a numeric string from 0.0 to 10.0 with a
 * {@code security} tag beside it; at most 20 tags a rule; every result with a non-empty message, at least one
 * location and at most 1,000, each physical location with a non-empty artifact URI that is relative or
 * {@code file:}, a {@code uriBaseId} defined in {@code originalUriBaseIds}, and a {@code region.startLine} of 1 or
 * more. {@link #violations} names every rule broken; empty means GitHub takes the file. Stateless.
 */
public final class SarifUploadRules {

    public static final int MAX_RUNS = 20;
    public static final int MAX_RESULTS = 25_000;
    public static final int MAX_RULES = 25_000;
    public static final int MAX_RULE_ID = 255;
    public static final int MAX_TAGS = 20;
    public static final int MAX_LOCATIONS = 1_000;
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private SarifUploadRules() {
    }

    /** The SARIF 2.1.0 JSON schema (draft-04), as bundled here; see the README beside it. */
    public static InputStream schema() {
        return SarifUploadRules.class.getResourceAsStream("sarif/sarif-schema-2.1.0.json");
    }

    public static List<String> violations(JsonNode log) {
        List<String> out = new ArrayList<>();
        if (!"2.1.0".equals(log.path("version").asText())) {
            out.add("version is not 2.1.0");
        }
        JsonNode runs = log.path("runs");
        if (!runs.isArray() || runs.size() > MAX_RUNS) {
            out.add("runs must be an array of at most " + MAX_RUNS);
            return out;
        }
        for (JsonNode run : runs) {
            run(run, out);
        }
        return out;
    }

    private static void run(JsonNode run, List<String> out) {
        JsonNode rules = run.path("tool").path("driver").path("rules");
        if (rules.size() > MAX_RULES) {
            out.add("more than " + MAX_RULES + " rules");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText("");
            if (id.isEmpty() || id.length() > MAX_RULE_ID) {
                out.add("rule id empty or over " + MAX_RULE_ID + " characters: " + id);
            }
            if (!ids.add(id)) {
                out.add("rule id twice: " + id);
            }
            String level = rule.path("defaultConfiguration").path("level").asText("warning");
            if (!LEVELS.contains(level)) {
                out.add("rule " + id + " has level " + level);
            }
            JsonNode props = rule.path("properties");
            JsonNode severity = props.path("security-severity");
            if (!severity.isMissingNode()) {
                if (!severity.isTextual() || !numberBetween(severity.asText(), 0, 10)) {
                    out.add("rule " + id + " security-severity is not a numeric string from 0.0 to 10.0: " + severity);
                }
                boolean security = false;
                for (JsonNode t : props.path("tags")) {
                    security |= t.asText().equals("security");
                }
                if (!security) {
                    out.add("rule " + id + " has a security-severity but no 'security' tag");
                }
            }
            if (props.path("tags").size() > MAX_TAGS) {
                out.add("rule " + id + " has more than " + MAX_TAGS + " tags");
            }
            if (rule.path("shortDescription").path("text").asText("").isBlank()) {
                out.add("rule " + id + " has no shortDescription");
            }
        }
        Set<String> bases = new HashSet<>();
        run.path("originalUriBaseIds").fieldNames().forEachRemaining(bases::add);
        JsonNode results = run.path("results");
        if (results.size() > MAX_RESULTS) {
            out.add("more than " + MAX_RESULTS + " results");
        }
        int i = 0;
        for (JsonNode result : results) {
            result(i++, result, ids, bases, out);
        }
    }

    private static void result(int i, JsonNode result, Set<String> ruleIds, Set<String> bases, List<String> out) {
        String where = "result " + i;
        String ruleId = result.path("ruleId").asText("");
        if (!ruleIds.contains(ruleId)) {
            out.add(where + " names no rule of the run: " + ruleId);
        }
        if (!LEVELS.contains(result.path("level").asText("warning"))) {
            out.add(where + " has level " + result.path("level").asText());
        }
        if (result.path("message").path("text").asText("").isBlank()) {
            out.add(where + " has no message text");
        }
        JsonNode locations = result.path("locations");
        if (locations.isEmpty() || locations.size() > MAX_LOCATIONS) {
            out.add(where + " needs 1 to " + MAX_LOCATIONS + " locations");
        }
        for (JsonNode location : locations) {
            JsonNode physical = location.path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText("");
            if (uri.isEmpty()) {
                out.add(where + " has a location without an artifact URI");
            } else if (!relativeOrFile(uri)) {
                out.add(where + " has an artifact URI that is neither relative nor file: " + uri);
            }
            JsonNode base = physical.path("artifactLocation").path("uriBaseId");
            if (!base.isMissingNode() && !bases.contains(base.asText())) {
                out.add(where + " names an undefined uriBaseId " + base.asText());
            }
            if (physical.path("region").path("startLine").asInt(0) < 1) {
                out.add(where + " has no region.startLine");
            }
        }
    }

    private static boolean relativeOrFile(String uri) {
        try {
            URI u = new URI(uri);
            return u.getScheme() == null || u.getScheme().equalsIgnoreCase("file");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean numberBetween(String s, double min, double max) {
        if (!s.matches("\\d{1,2}(\\.\\d+)?")) {
            return false;
        }
        double v = Double.parseDouble(s);
        return v >= min && v <= max;
    }
}
