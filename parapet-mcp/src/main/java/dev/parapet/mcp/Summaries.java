package dev.parapet.mcp;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.store.ScanDiff;
import dev.parapet.store.StoredScan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The short texts and structured content of {@code list_scans}, {@code diff_scans} and {@code list_checks} (a scan's
 * summary is {@link ScanSummary}). Concise on purpose: an assistant reads them into a limited context. Pure
 * functions.
 */
final class Summaries {

    /** A history row with its scan's verdict (the row itself does not carry it). */
    record Listed(StoredScan scan, Verdict verdict) {
    }

    private Summaries() {
    }

    static String history(List<Listed> scans) {
        if (scans.isEmpty()) {
            return "No stored scans match.";
        }
        StringBuilder out = new StringBuilder(scans.size() + " stored scans, newest first:\n");
        for (Listed listed : scans) {
            StoredScan s = listed.scan();
            out.append("- ").append(s.id()).append("  ").append(s.startedAt()).append("  ").append(s.target())
                    .append("  ").append(listed.verdict().graded() ? "grade " + s.grade() + ", score "
                            + (s.score() == null ? "n/a" : s.score()) : listed.verdict().headline())
                    .append(s.complete() ? "" : " (incomplete)").append('\n');
        }
        return out.toString();
    }

    static Map<String, Object> row(Listed listed) {
        StoredScan s = listed.scan();
        boolean graded = listed.verdict().graded();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("startedAt", s.startedAt().toString());
        m.put("target", s.target());
        m.put("mode", s.mode());
        m.put("verdict", ScanSummary.verdict(listed.verdict()));
        m.put("grade", graded && s.grade() != null ? s.grade().name() : null);
        m.put("score", graded ? s.score() : null);
        m.put("complete", s.complete());
        Map<String, Object> findings = new LinkedHashMap<>();
        for (Severity sev : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            findings.put(sev.id(), s.count(sev));
        }
        m.put("findings", findings);
        return m;
    }

    static String diff(ScanDiff d, Verdict from, Verdict to) {
        StringBuilder out = new StringBuilder("From ").append(d.from().scanId()).append(" to ")
                .append(d.to().scanId()).append(": score ").append(d.from().score()).append(" -> ")
                .append(d.to().score()).append(", grade ").append(d.from().grade()).append(" -> ")
                .append(d.to().grade()).append('\n');
        out.append("Verdict: ").append(from.graded() ? "GRADED" : from.headline()).append(" -> ")
                .append(to.graded() ? "GRADED" : to.headline()).append('\n');
        out.append(d.added().size()).append(" new, ").append(d.resolved().size()).append(" resolved, ")
                .append(d.unchanged().size()).append(" unchanged findings\n");
        d.added().forEach(f -> out.append("+ [").append(f.severity().id()).append("] ").append(f.title())
                .append(" at ").append(f.endpoint().display()).append('\n'));
        d.resolved().forEach(f -> out.append("- [").append(f.severity().id()).append("] ").append(f.title())
                .append(" at ").append(f.endpoint().display()).append('\n'));
        return out.toString();
    }

    static Map<String, Object> diffData(ScanDiff d, Verdict from, Verdict to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", side(d.from(), from));
        m.put("to", side(d.to(), to));
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

    private static Map<String, Object> side(ScanDiff.Side s, Verdict verdict) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", ScanSummary.verdict(verdict));
        m.put("scanId", s.scanId());
        m.put("target", s.target());
        m.put("startedAt", s.startedAt().toString());
        m.put("score", s.score());
        m.put("grade", s.grade() == null ? null : s.grade().name());
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
