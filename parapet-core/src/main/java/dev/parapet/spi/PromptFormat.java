package dev.parapet.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body an LLM endpoint takes, as the engine builds it around a prompt's text: checks supply text only,
 * never the body. Thread-safe.
 */
public enum PromptFormat {
    /** OpenAI-style chat (also Ollama's {@code /api/chat}): {@code {"model":…,"messages":[{"role":"user","content":…}]}}. */
    OPENAI_CHAT,
    /** Completion-style (legacy OpenAI completions, Ollama's {@code /api/generate}): {@code {"model":…,"prompt":…}}. */
    PROMPT,
    /** A chat route of an application's own: {@code {"message":…}}. */
    MESSAGE,
    /** The OpenAI responses style: {@code {"model":…,"input":…}}. */
    INPUT;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The request body carrying {@code text} as the user's message. {@code model} is the model name the endpoint
     * disclosed; when empty the body names none rather than guessing one.
     */
    public String body(String text, String model) {
        ObjectNode root = JSON.createObjectNode();
        if (!model.isEmpty() && this != MESSAGE) {
            root.put("model", model);
        }
        switch (this) {
            case OPENAI_CHAT -> root.putArray("messages").addObject().put("role", "user").put("content", text);
            case PROMPT -> root.put("prompt", text);
            case MESSAGE -> root.put("message", text);
            case INPUT -> root.put("input", text);
        }
        return root.toString();
    }
}
