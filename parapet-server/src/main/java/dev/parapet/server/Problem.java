package dev.parapet.server;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API error as RFC 9457 problem details ({@code application/problem+json}): {@code type} is a stable URN per
 * kind, {@code title} says the kind, {@code detail} says this occurrence and what to do. Thrown by handlers and
 * rendered by the server's exception handler.
 */
final class Problem extends RuntimeException {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    final int status;
    final String kind;
    final String title;

    Problem(int status, String kind, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    static Problem invalid(String detail) {
        return new Problem(400, "invalid-request", "The request is not valid", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    static Problem conflict(String detail) {
        return new Problem(409, "conflict", "The resource is not in a state that allows this", detail);
    }

    String toJson(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:parapet:problem:" + kind);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
