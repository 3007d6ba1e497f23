package dev.parapet.mcp;

import dev.parapet.model.Coverage;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code scan_api} and {@code get_scan} answer: the verdict, grade and score, counts by severity, the most
 * severe findings in one line each, coverage in one line, and where the details are ({@code get_finding},
 * {@code get_report}, the report resources). Concise on purpose: an assistant reads it into a limited context, and
 * asks for details by finding id. The structured form matches {@code ToolSchemas.SCAN_SUMMARY_OUTPUT}. Pure
 * functions.
 */
final class ScanSummary {

    /** Findings listed; the rest are counted. Ten is what fits a glance and covers every critical and high one in most scans. */
    static final int TOP_FINDINGS = 10;
    /** A listed finding's fix, cut to one line of this many characters. */
    static final int FIX_CHARS = 160;

    private ScanSummary() {
    }

    static ParapetTools.Output of(ScanReport r, String where) {
        return new ParapetTools.Output(text(r, where), structured(r));
    }

    static String text(ScanReport r, String where) {
        StringBuilder out = new StringBuilder();
        out.append("Scan ").append(r.scanId()).append(" of ").append(r.target()).append(" (").append(where)
                .append("): ").append(headline(r)).append('\n');
        out.append("Findings: ").append(counts(r)).append('\n');
        List<Finding> top = r.findings().stream().limit(TOP_FINDINGS).toList();
        for (Finding f : top) {
            out.append("- [").append(f.severity().id().toUpperCase(Locale.ROOT)).append("] ").append(f.fingerprint())
                    .append(' ').append(f.title()).append(" at ").append(f.endpoint().display()).append("\n  Fix: ")
                    .append(fix(f)).append('\n');
        }
        if (r.findings().size() > top.size()) {
            out.append("... and ").append(r.findings().size() - top.size()).append(" more\n");
        }
        out.append("Coverage: ").append(coverage(r.coverage())).append('\n');
        out.append("Details: get_finding with scanId ").append(r.scanId())
                .append(" and a finding id; the whole report: get_report or ")
                .append(ReportResources.uri(r.scanId(), ReportResources.Kind.JSON)).append('\n');
        return out.toString();
    }

    static String headline(ScanReport r) {
        Verdict v = r.verdict();
        if (!v.graded()) {
            return v.headline() + (v.advice().isEmpty() ? "" : "; " + v.advice())
                    + (r.score().score() == null ? "" : "; provisional score " + r.score().score() + "/100");
        }
        return "grade " + r.score().grade() + ", score " + (r.score().score() == null ? "n/a"
                : r.score().score() + "/100") + " (GRADED)";
    }

    static Map<String, Object> structured(ScanReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", r.scanId());
        m.put("target", r.target());
        m.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
        m.put("startedAt", r.startedAt().toString());
        m.put("verdict", verdict(r.verdict()));
        boolean graded = r.verdict().graded();
        m.put("grade", graded && r.score().grade() != null ? r.score().grade().name() : null);
        m.put("score", graded ? r.score().score() : null);
        m.put("provisionalScore", graded ? null : r.score().score());
        m.put("counts", counts(r.findings().stream().map(Finding::severity).toList()));
        m.put("findings", r.findings().size());
        m.put("topFindings", r.findings().stream().limit(TOP_FINDINGS).map(ScanSummary::line).toList());
        m.put("coverage", coverage(r.coverage()));
        Map<String, Object> reports = new LinkedHashMap<>();
        for (ReportResources.Kind k : ReportResources.Kind.values()) {
            reports.put(k.id(), ReportResources.uri(r.scanId(), k));
        }
        m.put("reports", reports);
        return m;
    }

    static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", v.state().id());
        m.put("reason", v.graded() ? null : v.reason().id());
        m.put("line", v.graded() ? "graded" : v.headline() + (v.advice().isEmpty() ? "" : "; " + v.advice()));
        return m;
    }

    /** Every severity, most severe first, zero when none. */
    static Map<String, Object> counts(List<Severity> severities) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            m.put(s.id(), severities.stream().filter(s::equals).count());
        }
        return m;
    }

    private static String counts(ScanReport r) {
        if (r.findings().isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        counts(r.findings().stream().map(Finding::severity).toList()).forEach((sev, n) -> {
            if (((Long) n) > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(n).append(' ').append(sev);
            }
        });
        return out.append(" (").append(r.findings().size()).append(" in all)").toString();
    }

    private static Map<String, Object> line(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.fingerprint());
        m.put("severity", f.severity().id());
        m.put("checkId", f.checkId());
        m.put("title", f.title());
        m.put("endpoint", f.endpoint().display());
        m.put("fix", fix(f));
        return m;
    }

    private static String fix(Finding f) {
        return MarkdownPlainText.firstSentence(f.remediation(), FIX_CHARS);
    }

    static String coverage(Coverage c) {
        if (!c.present()) {
            return "no operations were mapped (nothing to measure coverage against)";
        }
        StringBuilder out = new StringBuilder().append(c.operationsTested()).append(" of ").append(c.operations())
                .append(" operations tested (").append(c.operationsPercent()).append("%), ").append(c.inputsTested())
                .append(" of ").append(c.inputs()).append(" input points (").append(c.inputsPercent()).append("%)");
        var untested = c.untestedByReason();
        if (!untested.isEmpty()) {
            out.append("; untested: ");
            untested.forEach((reason, n) -> out.append(n).append(' ')
                    .append(reason.label()).append(", "));
            out.setLength(out.length() - 2);
        }
        return out.toString();
    }
}
