package dev.parapet.mcp;

import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code get_finding} answers: one finding of a stored scan in full — evidence, the request that reproduces it
 * as {@code curl}, remediation as plain text, references — found by its id (the finding's fingerprint, or a unique
 * prefix of it). The structured form matches {@code ToolSchemas.GET_FINDING}'s output schema. Pure functions.
 */
final class FindingDetail {

    /** A prefix shorter than this could match many findings by chance. */
    static final int MIN_PREFIX = 6;

    private FindingDetail() {
    }

    static Finding find(ScanReport report, String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        if (wanted.length() < MIN_PREFIX) {
            throw new ToolException("get_finding: findingId must have at least " + MIN_PREFIX + " characters");
        }
        List<Finding> matches = report.findings().stream().filter(f -> f.fingerprint().startsWith(wanted)).toList();
        if (matches.isEmpty()) {
            throw new ToolException("get_finding: scan " + report.scanId() + " has no finding " + id
                    + " (finding ids are listed by get_scan)");
        }
        if (matches.size() > 1 && matches.stream().map(Finding::fingerprint).distinct().count() > 1) {
            throw new ToolException("get_finding: " + id + " matches " + matches.size() + " findings; give more of"
                    + " the id");
        }
        return matches.getFirst();
    }

    static ParapetTools.Output of(ScanReport report, Finding f) {
        String remediation = MarkdownPlainText.of(f.remediation());
        StringBuilder text = new StringBuilder();
        text.append('[').append(f.severity().id().toUpperCase(Locale.ROOT)).append(", ").append(f.confidence().id())
                .append("] ").append(f.title()).append('\n');
        text.append("At ").append(f.endpoint().display()).append(f.parameter().isEmpty() ? ""
                : " (parameter " + f.parameter() + ")").append("; check ").append(f.checkId()).append(", category ")
                .append(f.category().id()).append('\n');
        if (!f.evidence().isBlank()) {
            text.append("\nEvidence:\n").append(f.evidence().strip()).append('\n');
        }
        if (!f.curl().isBlank()) {
            text.append("\nReproduce:\n").append(f.curl().strip()).append('\n');
        }
        if (!remediation.isEmpty()) {
            text.append("\nRemediation:\n").append(remediation).append('\n');
        }
        if (!f.references().isEmpty()) {
            text.append("\nReferences: ").append(String.join(", ", f.references().stream()
                    .map(r -> r.url() == null || r.url().isEmpty() ? r.id() : r.id() + " " + r.url()).toList()))
                    .append('\n');
        }

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", report.scanId());
        m.put("id", f.fingerprint());
        m.put("checkId", f.checkId());
        m.put("category", f.category().id());
        m.put("severity", f.severity().id());
        m.put("confidence", f.confidence().id());
        m.put("title", f.title());
        m.put("endpoint", f.endpoint().display());
        m.put("parameter", f.parameter());
        m.put("evidence", f.evidence());
        m.put("curl", f.curl());
        m.put("remediation", remediation);
        m.put("references", f.references().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("id", r.id());
            rm.put("url", r.url() == null ? "" : r.url());
            return rm;
        }).toList());
        m.put("tags", f.sortedTags());
        m.put("exchanges", f.exchanges().stream().map(FindingDetail::exchange).toList());
        return new ParapetTools.Output(text.toString(), m);
    }

    /** One proving exchange in a line: {@code GET http://… -> 200}. The full exchange is in the JSON report. */
    private static String exchange(Exchange e) {
        return e.request().method() + " " + e.request().uri() + " -> " + (e.answered() ? "HTTP " + e.status()
                : "no answer (" + e.outcome().name().toLowerCase(Locale.ROOT) + ")");
    }
}
