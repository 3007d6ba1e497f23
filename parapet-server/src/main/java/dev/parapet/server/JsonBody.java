package dev.parapet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request body that must be one JSON object; anything else is a 400 {@link Problem} showing an example. */
final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    static ObjectNode object(String body, String example) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw Problem.invalid("the body is not JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            throw Problem.invalid("the body must be a JSON object such as " + example);
        }
        return object;
    }
}
