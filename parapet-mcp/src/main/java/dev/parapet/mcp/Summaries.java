package dev.parapet.mcp;

import dev.parapet.model.CategoryScore;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.store.ScanDiff;
import dev.parapet.store.StoredScan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The short texts the tools answer with. Concise on purpose: an assistant reads them into a limited context, and
 * the full report is in the structured content. Pure functions.
 */
final class Summaries {

    /** Findings listed in a scan's text; the rest are counted (the structured report has them all). */
    static final int MAX_LISTED = 20;

    private Summaries() {
    }

    static String scan(ScanReport r, String where) {
        StringBuilder out = new StringBuilder();
        out.append("Scan ").append(r.scanId()).append(" of ").append(r.target()).append(" (").append(where)
                .append("): score ").append(r.score().score() == null ? "n/a" : r.score().score() + "/100")
                .append(", grade ").append(r.score().grade()).append(r.complete() ? ""
                        : ", INCOMPLETE: " + r.incompleteReason()).append('\n');
        out.append("Categories: ").append(r.score().categories().stream().map(Summaries::category)
                .collect(Collectors.joining(", "))).append('\n');
        out.append("Findings: ").append(counts(r.findings())).append('\n');
        List<Finding> sorted = new ArrayList<>(r.findings());
        sorted.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        for (Finding f : sorted.stream().limit(MAX_LISTED).toList()) {
            out.append("- [").append(f.severity().id().toUpperCase(java.util.Locale.ROOT)).append("] ")
                    .append(f.title()).append(" at ").append(f.endpoint().display()).append(" (").append(f.checkId())
                    .append(")\n  Fix: ").append(f.remediation().strip().replace('\n', ' ')).append('\n');
        }
        if (sorted.size() > MAX_LISTED) {
            out.append("... and ").append(sorted.size() - MAX_LISTED)
                    .append(" more findings in the structured report (get_scan ").append(r.scanId()).append(")\n");
        }
        return out.toString();
    }

    private static String category(CategoryScore c) {
        return c.category().id() + " " + (c.assessed() && c.score() != null ? c.score() : "not assessed");
    }

    private static String counts(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "none";
        }
        return bySeverity(findings.stream().map(Finding::severity).toList()).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", "));
    }

    private static Map<Severity, Integer> bySeverity(List<Severity> severities) {
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        severities.stream().sorted(java.util.Comparator.reverseOrder())
                .forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    static String history(List<StoredScan> scans) {
        if (scans.isEmpty()) {
            return "No stored scans match.";
        }
        StringBuilder out = new StringBuilder(scans.size() + " stored scans, newest first:\n");
        for (StoredScan s : scans) {
            out.append("- ").append(s.id()).append("  ").append(s.startedAt()).append("  ").append(s.target())
                    .append("  score ").append(s.score() == null ? "n/a" : s.score()).append(" grade ")
                    .append(s.grade()).append(s.complete() ? "" : " (incomplete)").append('\n');
        }
        return out.toString();
    }

    static Map<String, Object> row(StoredScan s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("startedAt", s.startedAt().toString());
        m.put("target", s.target());
        m.put("mode", s.mode());
        m.put("score", s.score());
        m.put("grade", s.grade().name());
        m.put("complete", s.complete());
        Map<String, Integer> findings = new LinkedHashMap<>();
        s.findings().forEach((sev, n) -> findings.put(sev.id(), n));
        m.put("findings", findings);
        return m;
    }

    static String diff(ScanDiff d) {
        StringBuilder out = new StringBuilder("From ").append(d.from().scanId()).append(" to ")
                .append(d.to().scanId()).append(": score ").append(d.from().score()).append(" -> ")
                .append(d.to().score()).append(", grade ").append(d.from().grade()).append(" -> ")
                .append(d.to().grade()).append('\n');
        out.append(d.added().size()).append(" new, ").append(d.resolved().size()).append(" resolved, ")
                .append(d.unchanged().size()).append(" unchanged findings\n");
        d.added().forEach(f -> out.append("+ [").append(f.severity().id()).append("] ").append(f.title())
                .append(" at ").append(f.endpoint().display()).append('\n'));
        d.resolved().forEach(f -> out.append("- [").append(f.severity().id()).append("] ").append(f.title())
                .append(" at ").append(f.endpoint().display()).append('\n'));
        return out.toString();
    }

    static Map<String, Object> diffData(ScanDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", side(d.from()));
        m.put("to", side(d.to()));
        m.put("scoreDelta", d.scoreDelta().orElse(null));
        m.put("added", d.added().stream().map(Summaries::finding).toList());
        m.put("resolved", d.resolved().stream().map(Summaries::finding).toList());
        m.put("unchanged", d.unchanged().size());
        m.put("categories", d.categories().stream().filter(ScanDiff.CategoryDelta::changed).map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("category", c.category().id());
            cm.put("fromScore", c.fromScore());
            cm.put("toScore", c.toScore());
            cm.put("added", c.added());
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

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checkId", f.checkId());
        m.put("severity", f.severity().id());
        m.put("title", f.title());
        m.put("endpoint", f.endpoint().display());
        m.put("fingerprint", f.fingerprint());
        return m;
    }

    static String checks(List<CheckDescriptor> checks) {
        return checks.size() + " checks:\n" + checks.stream().map(c -> "- " + c.id() + " (" + c.category().id()
                + ", " + c.defaultSeverity().id() + "): " + c.title()).collect(Collectors.joining("\n")) + "\n";
    }

    static Map<String, Object> check(CheckDescriptor c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("category", c.category().id());
        m.put("title", c.title());
        m.put("summary", c.summary());
        m.put("defaultSeverity", c.defaultSeverity().id());
        m.put("cwe", c.cwe());
        return m;
    }
}
