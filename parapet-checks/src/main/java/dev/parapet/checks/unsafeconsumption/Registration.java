package dev.parapet.checks.unsafeconsumption;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.checks.support.FetchParameter;
import dev.parapet.model.Endpoint;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One way to register a callback URL with the target: a GET query parameter, or a POST operation of the API
 * description with a URL property in its JSON body. {@link #probe} plants a URL in it. Immutable.
 */
record Registration(Endpoint endpoint, String field, boolean writes, URI uri) {

    /** Recognition rules, loaded from {@code checks/webhook-any-host/registrations.json}. */
    record Rules(Set<String> words, Set<String> urlProperties, Set<String> pathWords) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request that registers {@code url}: the query parameter set, or a JSON body of just that property. */
    ProbeRequest probe(String url) {
        if (!writes) {
            return ProbeRequest.get(new FetchParameter(endpoint, uri, field, "", FetchParameter.Hint.NAME)
                    .withValue(url));
        }
        try {
            return ProbeRequest.of("POST", uri).withBody("application/json",
                    JSON.writeValueAsString(Map.of(field, url)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /hooks?callback_url} or {@code POST /webhooks {url}}: how titles name it. */
    String display() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return writes ? "POST " + path + " {" + field + "}" : "GET " + path + "?" + field;
    }

    /** GET registrations first, then (when {@code withPosts}) the spec's POST ones; at most {@code max}. */
    static List<Registration> find(Inventory inventory, Rules rules, boolean withPosts, int max) {
        List<Registration> out = new ArrayList<>();
        for (FetchParameter p : FetchParameter.find(inventory, rules.words(), Integer.MAX_VALUE)) {
            if (FetchParameter.hasWord(p.name(), rules.words())) {
                out.add(new Registration(p.endpoint(), p.name(), false, p.uri()));
            }
        }
        if (withPosts) {
            for (ApiOperation op : inventory.spec().operations()) {
                if (!op.method().equals("POST") || op.uri().isEmpty() || op.uri().get().toString().contains("{")) {
                    continue;
                }
                boolean hookPath = Arrays.stream(op.pathTemplate().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                        .anyMatch(rules.pathWords()::contains);
                op.requestSchemaProperties().stream().sorted()
                        .filter(prop -> FetchParameter.hasWord(prop, rules.words())
                                || hookPath && rules.urlProperties().contains(prop.toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .ifPresent(prop -> out.add(new Registration(new Endpoint("POST", op.uri().get(),
                                Endpoint.Source.SPEC), prop, true, op.uri().get())));
            }
        }
        return out.stream().limit(max).toList();
    }
}
