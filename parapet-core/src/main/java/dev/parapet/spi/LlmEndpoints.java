package dev.parapet.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which endpoints of a scan front a language model, and which body each takes. The engine sends prompts
 * ({@link CheckContext#prompt}) only to the endpoints named here, and checks pick their targets from the same list,
 * so both always agree.
 *
 * <p>An endpoint counts when the inventory holds it (discovered, linked, documented) with an LLM-like
 * {@link #PATH}, or when discovery's answer from it has a model API's shape: model output ({@code choices} or
 * Ollama's {@code message}) with a model name or token counts, or Ollama's {@code response} with token counts. The body format is,
 * by precedence, what the API description documents for a POST to that path, what the recorded answer's shape
 * implies, what the path implies, and otherwise {@link PromptFormat#MESSAGE}. Query strings are dropped: a prompt
 * goes to the endpoint's path. Pure; thread-safe.
 */
public final class LlmEndpoints {

    /** Paths that usually front a model, generic routes ({@code /chat}, {@code /ask}) included. */
    public static final Pattern PATH = Pattern.compile("(?i)/(v1/)?(chat/completions|completions|chat|ask|assistant"
            + "|generate|llm|copilot|prompt|inference|responses)(/|$)");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint prompts may go to: where, in which body format, naming which model, and why it counts. */
    public record Target(URI uri, PromptFormat format, String model, String reason) {
    }

    private LlmEndpoints() {
    }

    /** Every LLM endpoint of {@code inventory}, in inventory order, each path once. */
    public static List<Target> in(Inventory inventory) {
        Map<URI, Target> found = new LinkedHashMap<>();
        for (Endpoint e : inventory.endpoints()) {
            URI u = withoutQuery(e.uri());
            if (PATH.matcher(path(u)).find()) {
                found.putIfAbsent(u, target(inventory, u, "LLM-like path"));
            }
        }
        for (Exchange e : inventory.exchanges()) {
            URI u = withoutQuery(e.request().uri());
            if (!found.containsKey(u) && shape(e).isPresent()) {
                found.put(u, target(inventory, u, "answered in a model API's response shape"));
            }
        }
        for (ApiOperation op : inventory.spec().operations()) {
            op.uri().map(LlmEndpoints::withoutQuery).filter(u -> PATH.matcher(path(u)).find())
                    .ifPresent(u -> found.putIfAbsent(u, target(inventory, u, "documented with an LLM-like path")));
        }
        return List.copyOf(found.values());
    }

    /** The LLM endpoint at {@code uri}'s path, if {@code inventory} shows one there. */
    public static Optional<Target> find(Inventory inventory, URI uri) {
        return among(in(inventory), uri);
    }

    /** The endpoint of {@code targets} (as {@link #in} listed them) at {@code uri}'s path, query ignored. */
    public static Optional<Target> among(List<Target> targets, URI uri) {
        URI wanted = withoutQuery(uri);
        return targets.stream().filter(t -> t.uri().equals(wanted)).findFirst();
    }

    private static Target target(Inventory inventory, URI uri, String reason) {
        String model = "";
        PromptFormat fromShape = null;
        for (Exchange e : inventory.exchanges()) {
            if (withoutQuery(e.request().uri()).equals(uri)) {
                Optional<Shape> s = shape(e);
                if (s.isPresent()) {
                    model = s.get().model();
                    fromShape = s.get().format();
                    break;
                }
            }
        }
        PromptFormat implied = fromShape != null ? fromShape : byPath(path(uri));
        return new Target(uri, documented(inventory.spec(), uri).orElse(implied), model, reason);
    }

    private static Optional<PromptFormat> documented(ApiSpec spec, URI uri) {
        return spec.match("POST", uri).map(ApiOperation::requestSchemaProperties).flatMap(LlmEndpoints::byFields);
    }

    private static Optional<PromptFormat> byFields(Set<String> fields) {
        if (fields.contains("messages")) {
            return Optional.of(PromptFormat.OPENAI_CHAT);
        }
        if (fields.contains("prompt")) {
            return Optional.of(PromptFormat.PROMPT);
        }
        if (fields.contains("message")) {
            return Optional.of(PromptFormat.MESSAGE);
        }
        return fields.contains("input") ? Optional.of(PromptFormat.INPUT) : Optional.empty();
    }

    private static PromptFormat byPath(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("chat/completions") || p.endsWith("/api/chat")) {
            return PromptFormat.OPENAI_CHAT;
        }
        if (p.endsWith("/completions") || p.endsWith("/generate")) {
            return PromptFormat.PROMPT;
        }
        return p.endsWith("/responses") ? PromptFormat.INPUT : PromptFormat.MESSAGE;
    }

    /** What an answer's JSON shows of a model: the body format its shape implies and the model's name. */
    private record Shape(PromptFormat format, String model) {
    }

    private static Optional<Shape> shape(Exchange e) {
        if (!e.answered() || !e.response().isSuccess()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(e.body());
        } catch (Exception notJson) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String model = root.path("model").isTextual() ? root.path("model").asText() : "";
        boolean usage = root.path("usage").isObject() || root.path("eval_count").isNumber();
        if (model.isEmpty() && !usage) {
            return Optional.empty();
        }
        if (root.at("/choices/0/message/content").isTextual() || root.at("/message/content").isTextual()) {
            return Optional.of(new Shape(PromptFormat.OPENAI_CHAT, model));
        }
        if (root.at("/choices/0/text").isTextual() || usage && root.at("/response").isTextual()) {
            // "response" is an everyday field name: beside a bare "model" (cars, printers) it proves nothing
            return Optional.of(new Shape(PromptFormat.PROMPT, model));
        }
        return Optional.empty();
    }

    private static String path(URI u) {
        return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    }

    /** {@code u} without query and fragment, built from the raw components so escapes stay as they were. */
    static URI withoutQuery(URI u) {
        if (u.getRawQuery() == null && u.getRawFragment() == null && u.getRawPath() != null
                && !u.getRawPath().isEmpty()) {
            return u;
        }
        return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path(u));
    }
}
