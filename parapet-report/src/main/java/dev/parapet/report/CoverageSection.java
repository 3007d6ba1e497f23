package dev.parapet.report;

import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScanStats;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary's coverage: how many checks completed, which did not and why, what the scan discovered (endpoints
 * counted by where each came from), how far the API
 * description (when there was one) covered it, and how many requests it spent. It tells the reader what a clean result is worth.
 */
final class CoverageSection {

    private static final int INDENT = 2;
    private static final int LABEL = 16;
    /** Untested operations named in the terminal; the JSON report names every one. */
    private static final int MAX_UNTESTED = 10;

    private CoverageSection() {
    }

    /**
     * Coverage in one line for the short summary: {@code Coverage: 38 of 54 checks completed (16 not applicable) ·
     * 16 of 16 operations tested (100 %) · … · 18 endpoints · 611 requests}, cut to the width.
     */
    static String line(ScanReport r, int width, Style style) {
        long completed = r.checks().stream().filter(c -> c.status() == CheckStatus.COMPLETED).count();
        List<String> others = new ArrayList<>();
        for (CheckStatus s : CheckStatus.values()) {
            long n = r.checks().stream().filter(c -> c.status() == s).count();
            if (n > 0 && s != CheckStatus.COMPLETED) {
                others.add(n + " " + s.id().replace('-', ' '));
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(completed + " of " + Text.count(r.checks().size(), "check") + " completed"
                + (others.isEmpty() ? "" : " (" + String.join(", ", others) + ")"));
        if (r.coverage().present()) {
            parts.add(SurfaceText.line(r.coverage()));
        }
        parts.add(Text.count(r.stats().endpointsDiscovered(), "endpoint"));
        parts.add(Text.count(r.stats().requestsSent(), "request"));
        if (!r.writes().isEmpty()) {
            parts.add(WritesText.line(r.writes()));
        }
        String text = Text.labelled(0, "Coverage:", 10, String.join(" · ", parts), width);
        return style.bold("Coverage") + text.substring("Coverage".length());
    }

    static String render(ScanReport r, int width, Style style) {
        StringBuilder sb = new StringBuilder(style.bold("Coverage")).append('\n');
        List<String> counts = new ArrayList<>();
        for (CheckStatus s : CheckStatus.values()) {
            long n = r.checks().stream().filter(c -> c.status() == s).count();
            if (n > 0 || s == CheckStatus.COMPLETED) {
                counts.add(n + " " + s.id().replace('-', ' '));
            }
        }
        sb.append(Text.labelled(INDENT, "checks", LABEL,
                Text.count(r.checks().size(), "check") + ": " + String.join(", ", counts), width));
        for (CheckStatus s : List.of(CheckStatus.PARTIAL, CheckStatus.NOT_APPLICABLE, CheckStatus.ERRORED,
                CheckStatus.INTERRUPTED)) {
            for (CheckRun c : r.checks()) {
                if (c.status() == s) {
                    String reason = c.reason().isEmpty() ? "no reason given" : c.reason();
                    sb.append(Text.labelled(INDENT, s.id().replace('-', ' '), LABEL, c.checkId() + ": " + reason,
                            width));
                }
            }
        }
        if (r.coverage().present()) {
            sb.append(Text.labelled(INDENT, "surface", LABEL, SurfaceText.line(r.coverage()), width));
            List<String> untested = SurfaceText.untestedOperations(r.coverage(), MAX_UNTESTED);
            if (!untested.isEmpty()) {
                sb.append(Text.labelled(INDENT, "untested", LABEL, String.join("; ", untested), width));
            }
        }
        if (!r.writes().isEmpty()) {
            sb.append(Text.labelled(INDENT, "writes", LABEL, WritesText.line(r.writes()), width));
            for (String w : WritesText.notUndone(r.writes(), MAX_UNTESTED)) {
                sb.append(Text.labelled(INDENT, "not undone", LABEL, w, width));
            }
        }
        ScanStats stats = r.stats();
        sb.append(Text.labelled(INDENT, "endpoints", LABEL, stats.endpointsDiscovered() + " ("
                + EndpointText.bySource(r.endpoints()) + ")", width));
        sb.append(Text.labelled(INDENT, "API documents", LABEL,
                r.apiDocuments().isEmpty() ? "none found" : String.join(", ", r.apiDocuments()), width));
        if (r.spec().present()) {
            sb.append(Text.labelled(INDENT, "API description", LABEL, SpecText.line(r.spec()), width));
        }
        sb.append(Text.labelled(INDENT, "requests", LABEL, String.join(" · ",
                stats.requestsSent() + " sent",
                stats.probesShared() + " shared between checks",
                stats.throttled() + " throttled (429)",
                stats.refusedOutOfScope() + " refused out of scope",
                Text.count(stats.transportErrors(), "transport error")), width));
        return sb.toString();
    }
}
