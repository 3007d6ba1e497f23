package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitor routes' work for one tenant: a monitor's body is a scan request ({@link ScanRequestParser}'s fields)
 * plus {@code every} ({@code "15m"}, {@code "1h"}, {@code "1d"}: minutes, hours or days, from
 * {@link Monitors#MIN_EVERY} to {@link Monitors#MAX_EVERY}). Refusals are {@link Problem}s naming the field.
 */
final class MonitorApi {

    static final int MAX_PER_TENANT = 50;
    private static final Pattern EVERY = Pattern.compile("([1-9]\\d{0,4})([mhd])");

    private final Monitors monitors;

    MonitorApi(Monitors monitors) {
        this.monitors = monitors;
    }

    /** A monitor's body, parsed: the scan it repeats and how often. */
    record Parsed(ScanRequest request, Duration every) {
    }

    static Parsed parse(String body) {
        ObjectNode root = JsonBody.object(body, "{\"target\": \"https://api.example.com\", \"every\": \"1h\"}");
        if (root.has("cron")) {
            throw Problem.invalid("cron schedules are not offered; give \"every\": \"15m\", \"1h\" or \"1d\"");
        }
        JsonNode every = root.path("every");
        Matcher m = every.isTextual() ? EVERY.matcher(every.asText()) : null;
        if (m == null || !m.matches()) {
            throw Problem.invalid("every is required: a whole number of minutes, hours or days such as \"15m\", "
                    + "\"1h\" or \"1d\"");
        }
        long n = Long.parseLong(m.group(1));
        Duration interval = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (interval.compareTo(Monitors.MIN_EVERY) < 0 || interval.compareTo(Monitors.MAX_EVERY) > 0) {
            throw Problem.invalid("every must be from 5m to 31d");
        }
        ObjectNode scan = root.deepCopy();
        scan.remove("every");
        return new Parsed(ScanRequestParser.parse(scan.toString()), interval);
    }

    Map<String, Object> create(String tenantId, ScanRequest request, Duration every) {
        if (monitors.list(tenantId).size() >= MAX_PER_TENANT) {
            throw Problem.conflict("a tenant has at most " + MAX_PER_TENANT + " monitors; delete one first");
        }
        String id = monitors.create(tenantId, request, every);
        return find(tenantId, id);
    }

    Map<String, Object> find(String tenantId, String id) {
        Map<String, Object> view = Monitors.view(monitor(tenantId, id));
        view.put("scans", monitors.runs(tenantId, id, 20));
        return view;
    }

    Map<String, Object> list(String tenantId) {
        return Map.of("monitors", monitors.list(tenantId).stream().map(Monitors::view).toList());
    }

    void delete(String tenantId, String id) {
        if (!monitors.delete(tenantId, monitor(tenantId, id).id())) {
            throw notFound(id);
        }
    }

    private Monitors.Monitor monitor(String tenantId, String id) {
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            throw notFound(String.valueOf(id));
        }
        return monitors.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    private static Problem notFound(String id) {
        String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return Problem.notFound("no monitor has the id '" + shown + "'");
    }
}
