package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /api/v1/scans} strictly: a JSON object with {@code target} and only the optional
 * fields it declares, each of its type and within its bounds. Every refusal is a {@link Problem} naming the field
 * and what to send instead. Stateless.
 */
final class ScanRequestParser {

    static final Set<String> FIELDS = Set.of("target", "spec", "checks", "mode", "context", "maxTime");
    private static final Set<String> MODES = Set.of("safe", "passive");
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern WORD = Pattern.compile("[a-z]{1,32}");
    private static final Pattern DURATION = Pattern.compile("\\d{1,6}(ms|s|m|h)?");
    private static final int MAX_URL = 2048;
    private static final int MAX_CHECKS = 100;

    private ScanRequestParser() {
    }

    static ScanRequest parse(String body) {
        ObjectNode object = JsonBody.object(body, "{\"target\": \"https://api.example.com\"}");
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw Problem.invalid("unknown field '" + clip(name) + "' (fields: target, spec, checks, mode, "
                        + "context, maxTime)");
            }
        }
        String target = url(object, "target", true);
        String spec = url(object, "spec", false);
        List<String> checks = checks(object.get("checks"));
        String mode = word(object, "mode");
        if (mode != null && !MODES.contains(mode)) {
            throw Problem.invalid("mode must be \"safe\" or \"passive\" (active scans are not offered by the server)");
        }
        String context = word(object, "context");
        String maxTime = text(object, "maxTime");
        if (maxTime != null && !DURATION.matcher(maxTime).matches()) {
            throw Problem.invalid("maxTime must be a duration such as \"90s\", \"5m\" or \"1h\"");
        }
        return new ScanRequest(target, spec, checks, mode, context, maxTime, List.of());
    }

    private static String url(ObjectNode object, String field, boolean required) {
        String value = text(object, field);
        if (value == null) {
            if (required) {
                throw Problem.invalid(field + " is required: the http(s) URL of the API to scan");
            }
            return null;
        }
        if (value.length() > MAX_URL) {
            throw Problem.invalid(field + " is longer than " + MAX_URL + " characters");
        }
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw Problem.invalid(field + " must be an http:// or https:// URL, not '" + clip(value) + "'");
        }
        return value;
    }

    private static List<String> checks(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_CHECKS) {
            throw Problem.invalid("checks must be an array of at most " + MAX_CHECKS + " check or category ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || !CHECK_ID.matcher(n.asText()).matches()) {
                throw Problem.invalid("checks holds '" + clip(n.toString()) + "', which is not a check or category id "
                        + "(GET the check list with 'parapet checks')");
            }
            ids.add(n.asText());
        }
        return ids;
    }

    private static String word(ObjectNode object, String field) {
        String value = text(object, field);
        if (value != null && !WORD.matcher(value).matches()) {
            throw Problem.invalid(field + " must be a lower-case word, not '" + clip(value) + "'");
        }
        return value;
    }

    private static String text(ObjectNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw Problem.invalid(field + " must be a string");
        }
        return n.asText().strip();
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
