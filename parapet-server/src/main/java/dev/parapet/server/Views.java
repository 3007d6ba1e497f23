package dev.parapet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Finding;
import dev.parapet.store.ScanDiff;

import java.util.LinkedHashMap;
import java.util.List;
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

    static Map<String, Object> diff(String fromJob, String toJob, ScanDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", side(fromJob, d.from()));
        m.put("to", side(toJob, d.to()));
        putIfSet(m, "scoreDelta", d.scoreDelta().orElse(null));
        m.put("added", findings(d.added()));
        m.put("resolved", findings(d.resolved()));
        m.put("unchanged", d.unchanged().size());
        m.put("categories", d.categories().stream().filter(ScanDiff.CategoryDelta::changed).map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("category", c.category().id());
            putIfSet(cm, "fromScore", c.fromScore());
            putIfSet(cm, "toScore", c.toScore());
            cm.put("added", c.added());
            cm.put("resolved", c.resolved());
            return cm;
        }).toList());
        return m;
    }

    private static Map<String, Object> side(String jobId, ScanDiff.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", jobId);
        m.put("target", s.target());
        m.put("startedAt", s.startedAt().toString());
        putIfSet(m, "score", s.score());
        m.put("grade", s.grade().name());
        return m;
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fingerprint", f.fingerprint());
            m.put("checkId", f.checkId());
            m.put("severity", f.severity().id());
            m.put("title", f.title());
            m.put("endpoint", f.endpoint().display());
            return m;
        }).toList();
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
