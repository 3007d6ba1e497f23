package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The webhook routes' work, for one tenant at a time: validating a subscription ({@code url}, {@code events},
 * optional {@code secret}), judging its URL by the target policy, and the views the API answers with. Every refusal
 * is a {@link Problem} naming the field. Stateless apart from the store.
 */
final class WebhookApi {

    static final Set<String> FIELDS = Set.of("url", "events", "secret");
    static final int MAX_URL = 2048;
    static final int MAX_PER_TENANT = 20;

    private final Webhooks webhooks;

    WebhookApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Creates the subscription and answers it with its signing secret (shown this once). */
    Map<String, Object> create(String tenantId, String body, List<String> allowTargets) {
        ObjectNode root = JsonBody.object(body,
                "{\"url\": \"https://hooks.example.com/parapet\", \"events\": [\"scan.completed\"]}");
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw Problem.invalid("unknown field '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                        + "' (fields: url, events, secret)");
            }
        }
        URI url = url(root.path("url"));
        List<WebhookEvent> events = events(root.path("events"));
        String secret;
        if (root.has("secret")) {
            secret = root.path("secret").isTextual() ? root.path("secret").asText() : null;
            if (!WebhookSignature.wellFormed(secret)) {
                throw Problem.invalid("secret must be whsec_ followed by base64 of 24 to 64 random bytes "
                        + "(leave it out and the server makes one)");
            }
        } else {
            secret = WebhookSignature.newSecret();
        }
        try (var pin = ServerTargetPolicy.of(allowTargets).admit(url)) {
            // judged now so the client hears at once; every delivery is judged again and pinned
        } catch (ServerTargetPolicy.Refused e) {
            throw new Problem(422, "target-refused", "This server does not call that URL", e.getMessage());
        }
        if (webhooks.list(tenantId).size() >= MAX_PER_TENANT) {
            throw Problem.conflict("a tenant has at most " + MAX_PER_TENANT + " webhooks; delete one first");
        }
        String id = webhooks.create(tenantId, url.toString(), events, secret);
        Map<String, Object> view = Webhooks.view(webhooks.find(tenantId, id).orElseThrow());
        view.put("secret", secret);
        return view;
    }

    Map<String, Object> find(String tenantId, String id) {
        return Webhooks.view(webhook(tenantId, id));
    }

    Map<String, Object> list(String tenantId) {
        return Map.of("webhooks", webhooks.list(tenantId).stream().map(Webhooks::view).toList());
    }

    void delete(String tenantId, String id) {
        if (!webhooks.delete(tenantId, webhook(tenantId, id).id())) {
            throw notFound(id);
        }
    }

    Map<String, Object> deliveries(String tenantId, String id) {
        Webhooks.Webhook w = webhook(tenantId, id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Webhooks.Delivery d : webhooks.deliveries(tenantId, w.id(), 100)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("scan", d.jobId());
            m.put("event", d.event());
            m.put("status", d.status());
            m.put("attempts", d.attempts());
            m.put("createdAt", d.createdAt().toString());
            if (d.deliveredAt() != null) {
                m.put("deliveredAt", d.deliveredAt().toString());
            }
            if (d.lastStatusCode() != null) {
                m.put("lastStatusCode", d.lastStatusCode());
            }
            if (d.lastLatencyMs() != null) {
                m.put("lastLatencyMs", d.lastLatencyMs());
            }
            if (d.lastError() != null) {
                m.put("lastError", d.lastError());
            }
            out.add(m);
        }
        return Map.of("deliveries", out);
    }

    private Webhooks.Webhook webhook(String tenantId, String id) {
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            throw notFound(String.valueOf(id));
        }
        return webhooks.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    private static Problem notFound(String id) {
        String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return Problem.notFound("no webhook has the id '" + shown + "'");
    }

    private static URI url(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw Problem.invalid("url is required: the https:// (or http://) address to POST messages to");
        }
        String text = node.asText().strip();
        if (text.length() > MAX_URL) {
            throw Problem.invalid("url is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw Problem.invalid("url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw Problem.invalid("url must be an absolute http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw Problem.invalid("url must not carry credentials or a fragment; sign-in is the signature's job");
        }
        return uri;
    }

    private static List<WebhookEvent> events(JsonNode node) {
        if (!node.isArray() || node.isEmpty() || node.size() > WebhookEvent.values().length) {
            throw Problem.invalid("events must be a non-empty list of: " + WebhookEvent.ids());
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode e : node) {
            WebhookEvent event = e.isTextual() ? WebhookEvent.of(e.asText()).orElse(null) : null;
            if (event == null) {
                throw Problem.invalid("unknown event " + e + " (events: " + WebhookEvent.ids() + ")");
            }
            if (!events.contains(event)) {
                events.add(event);
            }
        }
        return events;
    }
}
