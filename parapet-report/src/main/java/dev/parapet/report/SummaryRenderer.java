package dev.parapet.report;

import dev.parapet.model.AuthSummary;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal summary: header, incomplete-scan banner, grade, category scores, attack paths, findings, coverage,
 * a recap line (grade and counts) and the gate line, which stays the last line for scripts. By default it is short
 * enough for one screen: one line per attack path, one line per check and severity for the findings
 * ({@link ShortFindings}), coverage in one line. With {@link RenderOptions#details()} every finding is a block with
 * evidence, remediation and its curl reproduction, and coverage lists every check that did not complete. Expects an
 * already redacted report (see {@link SafeReport}).
 */
final class SummaryRenderer {

    private static final int BAR = 10;

    private SummaryRenderer() {
    }

    static String render(ScanReport report, RenderOptions options) {
        int width = options.layoutWidth();
        Style style = new Style(options.color());
        StringBuilder out = new StringBuilder();
        out.append(header(report, width, style));
        if (report.auth().state() != AuthSummary.State.NONE) {
            out.append(auth(report.auth(), width, style));
        }
        out.append('\n');
        if (!report.complete()) {
            out.append(banner(report, width, style)).append('\n');
        }
        if (!report.writesNotUndone().isEmpty()) {
            out.append(leftBehind(report, width, style)).append('\n');
        }
        out.append(grade(report, width, style)).append('\n');
        out.append(categories(report, width, style, options.details())).append('\n');
        if (options.details()) {
            FindingsSection findings = new FindingsSection(width, style);
            if (!report.attackPaths().isEmpty()) {
                out.append(findings.attackPaths(report.attackPaths())).append('\n');
            }
            out.append(findings.findings(report.findings())).append('\n');
            out.append(CoverageSection.render(report, width, style));
        } else {
            ShortFindings findings = new ShortFindings(width, style);
            if (!report.attackPaths().isEmpty()) {
                out.append(findings.attackPaths(report.attackPaths())).append('\n');
            }
            out.append(findings.findings(report.findings())).append('\n');
            out.append(CoverageSection.line(report, width, style));
        }
        out.append('\n').append(recap(report, style));
        options.gate().ifPresent(g -> out.append(gate(g, style)));
        return out.toString();
    }

    /** {@code Grade D · 66/100 · 47 findings: 5 critical · 12 high · 16 medium · 14 low · 0 info}, never wrapped. */
    private static String recap(ScanReport r, Style style) {
        String headline = Text.oneLine(VerdictText.headline(r));
        StringBuilder sb = new StringBuilder(r.verdict().graded() ? style.grade(r.score().grade(), headline)
                : style.warning(headline));
        sb.append(" · ").append(Text.count(r.findings().size(), "finding")).append(':');
        String sep = " ";
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            sb.append(sep).append(style.severity(s, r.count(s) + " " + s.id()));
            sep = " · ";
        }
        return sb.append('\n').toString();
    }

    private static String header(ScanReport r, int width, Style style) {
        List<String> parts = new ArrayList<>(List.of("Parapet " + r.parapetVersion(), r.target(),
                "scan " + r.scanId(), duration(r.duration()),
                Text.count(r.stats().requestsSent(), "request") + " sent", "mode " + r.mode().id()));
        if (r.context() != ScanContext.DEFAULT) {
            parts.add("context " + r.context().id());
        }
        StringBuilder sb = new StringBuilder();
        for (String line : Text.joinWrapped(parts, width, 2).split("\n")) {
            sb.append(style.bold(line)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Whether the credentials worked, right under the header: a scan whose credentials were rejected is an
     * anonymous scan, and the reader must not take it for an authenticated one.
     */
    private static String auth(AuthSummary a, int width, Style style) {
        String carried = Text.count(a.authenticatedRequests(), "request") + " carried credentials";
        String who = a.identities() == 2 ? "2 identities, " : "";
        StringBuilder sb = new StringBuilder();
        if (a.state() == AuthSummary.State.REJECTED) {
            for (String line : Text.wrap("CREDENTIALS REJECTED: " + a.detail(), width - 3)) {
                sb.append(style.warning("!! " + line)).append('\n');
            }
            for (String line : Text.wrap("The results below are those of an anonymous scan (" + who + carried
                    + ").", width - 3)) {
                sb.append("   ").append(line).append('\n');
            }
            return sb.toString();
        }
        String state = a.state() == AuthSummary.State.ACCEPTED ? "Authenticated: credentials accepted"
                : "Authenticated: credentials not verified";
        for (String line : Text.wrap(state + " (" + who + carried + "): " + a.detail(), width)) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static String banner(ScanReport r, int width, Style style) {
        String reason = r.incompleteReason().isEmpty() ? "the scan stopped early" : r.incompleteReason();
        StringBuilder sb = new StringBuilder();
        for (String line : Text.wrap("INCOMPLETE SCAN: " + reason, width - 3)) {
            sb.append(style.warning("!! " + line)).append('\n');
        }
        for (String line : Text.wrap("Findings and coverage below describe only the checks that finished.",
                width - 3)) {
            sb.append("   ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** What an active scan could not take back: the reader must clean it up, so it is not left to the coverage. */
    private static String leftBehind(ScanReport r, int width, Style style) {
        int n = r.writesNotUndone().size();
        StringBuilder sb = new StringBuilder();
        for (String line : Text.wrap("CHANGES LEFT ON THE TARGET: " + n + " of " + Text.count(r.writes().size(),
                "write") + " not undone; see writes below", width - 3)) {
            sb.append(style.warning("!! " + line)).append('\n');
        }
        return sb.toString();
    }

    private static String grade(ScanReport r, int width, Style style) {
        ScoreCard card = r.score();
        StringBuilder sb = new StringBuilder();
        if (r.verdict().graded()) {
            sb.append(style.grade(card.grade(), VerdictText.headline(r))).append('\n');
        } else {
            for (String line : Text.wrap(VerdictText.headline(r), width)) {
                sb.append(style.warning(line)).append('\n');
            }
            for (String line : Text.wrap(r.verdict().advice(), width - 2)) {
                sb.append("  ").append(line).append('\n');
            }
        }
        if (r.verdict().graded() && !card.gradeCap().isEmpty()) {
            for (String line : Text.wrap(card.gradeCap(), width - 2)) {
                sb.append("  ").append(line).append('\n');
            }
        }
        List<String> counts = new ArrayList<>();
        List<String> painted = new ArrayList<>();
        counts.add(Text.count(r.findings().size(), "finding") + ":");
        painted.add(counts.getFirst());
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            counts.add(r.count(s) + " " + s.id());
            painted.add(style.severity(s, counts.getLast()));
        }
        sb.append(Text.joinWrapped(counts, painted, width, 2).replaceFirst(": · ", ": "));
        return sb.toString();
    }

    private static String categories(ScanReport r, int width, Style style, boolean details) {
        ScoreCard card = r.score();
        int titleWidth = Math.max(8, Math.min(36, width - 31));
        StringBuilder sb = new StringBuilder(style.bold("Categories")).append('\n');
        for (CategoryScore c : card.categories()) {
            String title = "  " + Text.cell(c.category().title(), titleWidth) + "  ";
            if (!c.assessed()) {
                String reason = c.reason().isEmpty() ? "not assessed" : "not assessed: " + c.reason();
                List<String> lines = details ? Text.wrap(reason, width - title.length())
                        : List.of(Text.truncate(Text.oneLine(reason), width - title.length()));
                sb.append(title).append(style.dim(lines.getFirst())).append('\n');
                for (String line : lines.subList(1, lines.size())) {
                    sb.append(" ".repeat(title.length())).append(style.dim(line)).append('\n');
                }
                continue;
            }
            String findings = c.findings() == 0 ? "no findings" : Text.count(c.findings(), "finding");
            if (!r.verdict().graded()) {
                // an ungraded scan's category scores are provisional: a number here would read as a result
                sb.append(title).append(style.dim(Text.cell(VerdictText.CATEGORY_NOT_GRADED, BAR + 4))).append("  ")
                        .append(findings).append('\n');
                continue;
            }
            int score = c.score();
            int filled = score * BAR / 100; // floor: only a perfect score fills the bar
            String bar = "█".repeat(filled) + "░".repeat(BAR - filled);
            sb.append(title).append(bar).append(' ').append(String.format("%3d", score)).append("  ")
                    .append(findings).append('\n');
        }
        return sb.toString();
    }

    private static String gate(GateVerdict verdict, Style style) {
        // One line, never wrapped: scripts look for it as the last line of the output.
        return (verdict.passed() ? style.good("PASSED")
                : style.bad("FAILED: " + String.join("; ", verdict.reasons()))) + '\n';
    }

    /** {@code 850 ms}, {@code 12.3 s} or {@code 4 min 5 s}. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
