package dev.parapet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.store.ScanDiff;
import dev.parapet.store.ScanDiffJson;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON the API answers with. Stateless. */
final class Views {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API's own maps always serialise", e);
        }
    }

    static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("status", j.status().id());
        m.put("target", j.target());
        m.put("createdAt", String.valueOf(j.createdAt()));
        putIfSet(m, "startedAt", j.startedAt() == null ? null : j.startedAt().toString());
        putIfSet(m, "finishedAt", j.finishedAt() == null ? null : j.finishedAt().toString());
        m.put("attempts", j.attempts());
        putIfSet(m, "scanId", j.scanId());
        putIfSet(m, "score", j.score());
        putIfSet(m, "grade", j.grade());
        putIfSet(m, "error", j.error());
        Map<String, Object> request = new LinkedHashMap<>();
        putIfSet(request, "spec", j.request().spec());
        if (!j.request().checks().isEmpty()) {
            request.put("checks", j.request().checks());
        }
        putIfSet(request, "mode", j.request().mode());
        putIfSet(request, "context", j.request().context());
        putIfSet(request, "maxTime", j.request().maxTime());
        m.put("request", request);
        return m;
    }

    /** The comparison as {@code parapet diff --format json} writes it, with the two scans' ids in this API. */
    static Map<String, Object> diff(String fromJob, String toJob, ScanDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fromId", fromJob);
        m.put("toId", toJob);
        m.putAll(ScanDiffJson.of(d));
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
