package dev.parapet.store;

import dev.parapet.model.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link ScanDiff}: plain maps and lists in a fixed order, for Jackson to write. One shape for
 * every adapter ({@code parapet diff --format json}, the server's diff route).
 */
public final class ScanDiffJson {

    private ScanDiffJson() {
    }

    public static Map<String, Object> of(ScanDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", side(d.from()));
        m.put("to", side(d.to()));
        m.put("scoreDelta", d.scoreDelta().orElse(null));
        m.put("counts", Map.of("new", d.added().size(), "resolved", d.resolved().size(),
                "unchanged", d.unchanged().size()));
        m.put("new", findings(d.added()));
        m.put("resolved", findings(d.resolved()));
        m.put("unchanged", findings(d.unchanged()));
        m.put("categories", d.categories().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("category", c.category().id());
            cm.put("fromScore", c.fromScore());
            cm.put("toScore", c.toScore());
            cm.put("scoreDelta", c.scoreDelta().orElse(null));
            cm.put("fromFindings", c.fromFindings());
            cm.put("toFindings", c.toFindings());
            cm.put("new", c.added());
            cm.put("resolved", c.resolved());
            return cm;
        }).toList());
        return m;
    }

    private static Map<String, Object> side(ScanDiff.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", s.scanId());
        m.put("target", s.target());
        m.put("startedAt", s.startedAt().toString());
        m.put("score", s.score());
        m.put("grade", s.grade().name());
        return m;
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fingerprint", f.fingerprint());
            m.put("checkId", f.checkId());
            m.put("category", f.category().id());
            m.put("severity", f.severity().id());
            m.put("title", f.title());
            m.put("endpoint", f.endpoint().display());
            m.put("parameter", f.parameter());
            return m;
        }).toList();
    }
}
