package dev.parapet.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.checks.llm.LlmSignatures.Hit;
import dev.parapet.spi.LlmEndpoints;

import java.util.Optional;

/**
 * What one JSON response shows of a language model: its output, its name, token counts, a system prompt. An
 * endpoint counts as an LLM endpoint on two signals: output in a model API's own shape plus a model name, token
 * counts or an LLM-like path; output in a generic field ({@code answer}) plus token counts, or plus a model name on
 * an LLM-like path; or an
 * LLM-like path plus a model name, token counts or a system prompt. {@code modelShaped} says which kind of output
 * was found. Pure; thread-safe.
 */
record LlmShape(Optional<Hit> output, boolean modelShaped, Optional<Hit> model, Optional<Hit> usage,
                Optional<Hit> systemPrompt, boolean llmPath) {

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
        Optional<Hit> shaped = LlmSignatures.first(root, sig.outputPointers());
        Optional<Hit> output = shaped.or(() -> LlmSignatures.first(root, sig.genericOutputPointers()));
        LlmShape shape = new LlmShape(output, shaped.isPresent(), LlmSignatures.first(root, sig.modelPointers()), LlmSignatures.first(root, sig.usagePointers()),
                prompt, LlmEndpoints.PATH.matcher(path).find());
        return shape.isLlm() ? Optional.of(shape) : Optional.empty();
    }

    boolean isLlm() {
        boolean tokens = usage.isPresent();
        boolean named = model.isPresent();
        if (output.isPresent()) {
            // "model" is a common field (cars, printers): beside a generic text field it needs an LLM-like path too
            return modelShaped ? tokens || named || llmPath : tokens || named && llmPath;
        }
        return llmPath && (tokens || named || systemPrompt.isPresent());
    }
}
