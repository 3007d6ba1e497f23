package dev.parapet.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;

import java.util.List;
import java.util.Optional;

/**
 * The model's answer inside an LLM endpoint's response: its text and, where the endpoint reports it, how many
 * output tokens it cost. Reads the shapes of model APIs (OpenAI chat and completions, Ollama, Hugging Face, OpenAI
 * responses) and the plain fields application routes use; a text/plain body is the text itself. Immutable.
 *
 * @param text         the answer, empty when none could be read
 * @param outputTokens output tokens the endpoint reported, or -1 when it reported none
 */
record ModelReply(String text, long outputTokens) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT = List.of("/choices/0/message/content", "/choices/0/text",
            "/message/content", "/response", "/output_text", "/generated_text", "/0/generated_text", "/answer",
            "/reply", "/message", "/content", "/text", "/output");
    private static final List<String> TOKENS = List.of("/usage/completion_tokens", "/usage/output_tokens",
            "/eval_count");

    /** The reply in a successful answer; empty for anything else. */
    static Optional<ModelReply> of(Exchange e) {
        if (!e.answered() || !e.response().isSuccess() || e.body().isBlank()) {
            return Optional.empty();
        }
        if (!e.response().isJson()) {
            return e.response().contentType().startsWith("text/plain")
                    ? Optional.of(new ModelReply(e.body(), -1)) : Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(e.body());
        } catch (Exception notJson) {
            return Optional.empty();
        }
        Optional<String> text = TEXT.stream().map(root::at).filter(JsonNode::isTextual).map(JsonNode::asText)
                .findFirst();
        long tokens = TOKENS.stream().map(root::at).filter(JsonNode::isIntegralNumber).mapToLong(JsonNode::asLong)
                .findFirst().orElse(-1);
        return text.map(t -> new ModelReply(t, tokens));
    }
}
