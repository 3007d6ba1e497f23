package dev.parapet.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;

import java.util.List;
import java.util.Optional;

/**
 * The model's answer inside an LLM endpoint's response: its text and, where the endpoint reports it, how many
 * output tokens it cost. Reads the shapes of model APIs (OpenAI chat and completions, Ollama, Hugging Face, OpenAI
 * responses) and the plain fields application routes use; a text/plain body is the text itself; a streamed
 * answer ({@code text/event-stream}) is the concatenation of its {@code data:} chunks' deltas. Immutable.
 *
 * @param text         the answer, empty when none could be read
 * @param outputTokens output tokens the endpoint reported, or -1 when it reported none
 */
record ModelReply(String text, long outputTokens) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT = List.of("/choices/0/message/content", "/choices/0/text",
            "/message/content", "/response", "/output_text", "/generated_text", "/0/generated_text", "/answer",
            "/reply", "/message", "/content", "/text", "/output");
    /** Where a streamed chunk carries its piece: OpenAI deltas, Ollama chat and generate chunks. */
    private static final List<String> STREAMED_TEXT = List.of("/choices/0/delta/content", "/choices/0/text",
            "/message/content", "/response");
    private static final List<String> TOKENS = List.of("/usage/completion_tokens", "/usage/output_tokens",
            "/eval_count");

    /** The reply in a successful answer; empty for anything else. */
    static Optional<ModelReply> of(Exchange e) {
        if (!e.answered() || !e.response().isSuccess() || e.body().isBlank()) {
            return Optional.empty();
        }
        String type = e.response().contentType();
        if (type.startsWith("text/event-stream")) {
            return streamed(e.body());
        }
        if (!e.response().isJson()) {
            return type.startsWith("text/plain") ? Optional.of(new ModelReply(e.body(), -1)) : Optional.empty();
        }
        Optional<JsonNode> root = json(e.body());
        return root.flatMap(r -> text(r, TEXT)).map(t -> new ModelReply(t, tokens(root.get())));
    }

    /** Server-sent events: the chunks' text in order, and the token count the last chunk reporting one gave. */
    private static Optional<ModelReply> streamed(String body) {
        StringBuilder text = new StringBuilder();
        long tokens = -1;
        boolean any = false;
        for (String line : body.split("\\R")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            Optional<JsonNode> chunk = json(line.substring(5).trim());
            if (chunk.isPresent()) {
                Optional<String> part = text(chunk.get(), STREAMED_TEXT);
                part.ifPresent(text::append);
                any |= part.isPresent();
                long t = tokens(chunk.get());
                tokens = t >= 0 ? t : tokens;
            }
        }
        return any ? Optional.of(new ModelReply(text.toString(), tokens)) : Optional.empty();
    }

    private static Optional<JsonNode> json(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode root, List<String> pointers) {
        return pointers.stream().map(root::at).filter(JsonNode::isTextual).map(JsonNode::asText).findFirst();
    }

    private static long tokens(JsonNode root) {
        return TOKENS.stream().map(root::at).filter(JsonNode::isIntegralNumber).mapToLong(JsonNode::asLong)
                .findFirst().orElse(-1);
    }
}
