package dev.parapet.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.CheckData;

import java.util.List;
import java.util.Optional;

/**
 * How {@code llm-endpoint-exposure} recognises an LLM endpoint and what it discloses, loaded from
 * {@code checks/llm-endpoint-exposure/signatures.json}. Pointers are JSON Pointers (RFC 6901). LLM-like paths are
 * the engine's ({@link dev.parapet.spi.LlmEndpoints#PATH}), so this check and the prompt gate agree. Immutable.
 */
record LlmSignatures(List<String> probePaths, List<String> outputPointers,
                     List<String> genericOutputPointers, List<String> modelPointers, List<String> usagePointers, List<String> systemPromptPointers,
                     int minSystemPromptChars, List<String> credentialHeaders) {

    LlmSignatures {
        probePaths = List.copyOf(probePaths);
        outputPointers = List.copyOf(outputPointers);
        genericOutputPointers = List.copyOf(genericOutputPointers);
        modelPointers = List.copyOf(modelPointers);
        usagePointers = List.copyOf(usagePointers);
        systemPromptPointers = List.copyOf(systemPromptPointers);
        credentialHeaders = List.copyOf(credentialHeaders);
    }

    static LlmSignatures load() {
        return CheckData.load("llm-endpoint-exposure", "signatures.json", LlmSignatures.class);
    }

    /** The first pointer in {@code pointers} with a non-blank text or number value, as {@code pointer=value}. */
    static Optional<Hit> first(JsonNode root, List<String> pointers) {
        for (String p : pointers) {
            JsonNode n = root.at(p);
            if ((n.isTextual() && !n.asText().isBlank()) || n.isNumber()) {
                return Optional.of(new Hit(p, n.asText()));
            }
        }
        return Optional.empty();
    }

    /** A value found at a JSON Pointer. */
    record Hit(String pointer, String value) {
        String field() {
            return pointer.substring(1).replace('/', '.');
        }
    }
}
