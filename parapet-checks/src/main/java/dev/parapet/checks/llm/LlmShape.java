package dev.parapet.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.checks.llm.LlmSignatures.Hit;

import java.util.Optional;

/**
 * What one JSON response shows of a language model: its output, its name, token counts, a system prompt. An
 * endpoint counts as an LLM endpoint on two signals: model output plus a model name, token counts or an LLM-like
 * path; or an LLM-like path plus a model name, token counts or a system prompt. Pure; thread-safe.
 */
record LlmShape(Optional<Hit> output, Optional<Hit> model, Optional<Hit> usage, Optional<Hit> systemPrompt,
                boolean llmPath) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<LlmShape> of(String path, String body, LlmSignatures sig) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (root == null || !root.isContainerNode()) {
            return Optional.empty();
        }
        Optional<Hit> prompt = LlmSignatures.first(root, sig.systemPromptPointers())
                .filter(h -> h.value().length() >= sig.minSystemPromptChars());
        LlmShape shape = new LlmShape(LlmSignatures.first(root, sig.outputPointers()),
                LlmSignatures.first(root, sig.modelPointers()), LlmSignatures.first(root, sig.usagePointers()),
                prompt, sig.pathPattern().matcher(path).find());
        return shape.isLlm() ? Optional.of(shape) : Optional.empty();
    }

    boolean isLlm() {
        boolean metadata = model.isPresent() || usage.isPresent();
        return output.isPresent() && (metadata || llmPath)
                || llmPath && (metadata || systemPrompt.isPresent());
    }
}
