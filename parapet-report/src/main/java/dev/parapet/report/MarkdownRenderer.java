package dev.parapet.report;

import dev.parapet.model.AttackPath;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.score.GateVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compact GitHub-flavoured Markdown for pull-request comments and {@code $GITHUB_STEP_SUMMARY}: grade, categories,
 * attack paths, a findings table and one collapsible block per finding. GitHub caps comments at 65,536 chars and
 * step summaries at 1 MiB, so the output stays under {@link #MAX_CHARS}: past that, findings are left out (least
 * severe first) with a note saying how many. Text from the target is escaped. Stateless.
 */
final class MarkdownRenderer {

    /** The budget for the whole document, below GitHub's comment limit with room for a wrapping message. */
    static final int MAX_CHARS = 60_000;
    /** Room kept for the coverage section and the truncation note. */
    private static final int RESERVE = 4_000;
    /** The findings table may use at most this share of the budget, so some detail blocks always fit. */
    private static final int TABLE_BUDGET = MAX_CHARS / 2;
    private static final int MAX_BLOCK_TEXT = 2_000;
    /** Room the endpoint list leaves for its closing lines and the truncation note. */
    private static final int ENDPOINTS_TAIL = 700;

    private MarkdownRenderer() {
    }

    static String render(ScanReport r, Optional<GateVerdict> gate) {
        StringBuilder sb = new StringBuilder();
        header(r, gate, sb);
        categories(r, sb);
        if (!r.attackPaths().isEmpty()) {
            attackPaths(r.attackPaths(), sb);
        }
        int rows = 0;
        int blocks = 0;
        if (r.findings().isEmpty()) {
            sb.append("\n### Findings\n\nNo findings.\n");
        } else {
            sb.append("\n### Findings (").append(r.findings().size()).append(")\n\n")
                    .append("| Severity | Title | Endpoint | Check |\n|---|---|---|---|\n");
            int tableLimit = sb.length() + TABLE_BUDGET;
            for (Finding f : r.findings()) {
                String row = "| " + f.severity().id() + " | " + MarkdownText.escape(f.title()) + " | "
                        + code(f.endpoint().display()) + " | " + code(f.checkId()) + " |\n";
                if (sb.length() + row.length() > tableLimit) {
                    break;
                }
                sb.append(row);
                rows++;
            }
            sb.append('\n');
            for (Finding f : r.findings().subList(0, rows)) {
                String block = details(f);
                if (sb.length() + block.length() > MAX_CHARS - RESERVE) {
                    break;
                }
                sb.append(block);
                blocks++;
            }
        }
        coverage(r, sb);
        if (rows < r.findings().size() || blocks < r.findings().size()) {
            sb.append("\n> **Shortened to stay under ").append(MAX_CHARS / 1000).append(" KB:** ")
                    .append(r.findings().size() - rows).append(" of ").append(r.findings().size())
                    .append(" findings are not in the table and ").append(r.findings().size() - blocks)
                    .append(" have no details here. The JSON, SARIF and HTML reports list them all.\n");
        }
        return sb.toString();
    }

    private static void header(ScanReport r, Optional<GateVerdict> gate, StringBuilder sb) {
        sb.append("## Parapet · ").append(MarkdownText.escape(VerdictText.headline(r))).append("\n\n");
        sb.append(code(r.target())).append(" · scan ").append(r.scanId()).append(" · mode ").append(r.mode().id())
                .append(" · ").append(Text.count(r.stats().requestsSent(), "request")).append(" · ")
                .append(SummaryRenderer.duration(r.duration())).append("\n\n");
        switch (r.auth().state()) {
            case REJECTED -> sb.append("> **Credentials rejected:** ").append(MarkdownText.escape(r.auth().detail()))
                    .append(". The results are those of an anonymous scan.\n\n");
            case ACCEPTED, UNVERIFIED -> sb.append("Authenticated: credentials ")
                    .append(r.auth().state() == dev.parapet.model.AuthSummary.State.ACCEPTED ? "accepted" : "not verified")
                    .append(" (").append(Text.count(r.auth().authenticatedRequests(), "request"))
                    .append(" carried credentials).\n\n");
            case NONE -> {
            }
        }
        if (!r.complete()) {
            sb.append("> **Incomplete scan:** ").append(MarkdownText.escape(r.incompleteReason()))
                    .append(". Findings describe only the checks that finished.\n\n");
        }
        if (!r.verdict().graded()) {
            sb.append("> **Not graded:** ").append(MarkdownText.escape(r.verdict().line())).append(".\n\n");
        }
        if (r.verdict().graded() && !r.score().gradeCap().isEmpty()) {
            sb.append("Grade capped: ").append(MarkdownText.escape(r.score().gradeCap())).append("\n\n");
        }
        sb.append("**").append(Text.count(r.findings().size(), "finding")).append(":** ");
        List<String> counts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            counts.add(r.count(s) + " " + s.id());
        }
        sb.append(String.join(" · ", counts)).append('\n');
        gate.ifPresent(g -> sb.append("\n**Gate:** ").append(g.passed() ? "PASSED"
                : "FAILED: " + MarkdownText.escape(String.join("; ", g.reasons()))).append('\n'));
    }

    private static void categories(ScanReport r, StringBuilder sb) {
        sb.append("\n### Categories\n\n| Category | OWASP API | Score | Findings |\n|---|---|--:|--:|\n");
        for (CategoryScore c : r.score().categories()) {
            String score = MarkdownText.escape(VerdictText.categoryCell(r, c));
            sb.append("| ").append(MarkdownText.escape(c.category().title())).append(" | ")
                    .append(c.category().owaspApi().isEmpty() ? "–" : c.category().owaspApi()).append(" | ")
                    .append(score).append(" | ").append(c.findings()).append(" |\n");
        }
    }

    private static void attackPaths(List<AttackPath> paths, StringBuilder sb) {
        sb.append("\n### Attack paths\n");
        for (AttackPath p : paths) {
            sb.append("\n**").append(p.severity().id()).append(":** ").append(MarkdownText.escape(p.title()))
                    .append("\n\n");
            String[] steps = p.narrative().split(" → ");
            for (String step : steps) {
                sb.append("- ").append(MarkdownText.escape(step.replaceFirst("^\\d+\\. ", ""))).append('\n');
            }
        }
    }

    private static String details(Finding f) {
        StringBuilder sb = new StringBuilder("<details><summary>").append(f.severity().id()).append(" · ")
                .append(MarkdownText.html(f.title())).append(" — ").append(MarkdownText.html(f.endpoint().display()))
                .append("</summary>\n\n");
        sb.append("**Confidence** ").append(f.confidence().id()).append(" · **Check** ").append(code(f.checkId()))
                .append(" · **Category** ").append(f.category().id());
        if (!f.parameter().isEmpty()) {
            sb.append(" · **Parameter** ").append(code(f.parameter()));
        }
        sb.append("\n\n");
        if (!f.evidence().isBlank()) {
            sb.append("**Evidence**\n\n").append(MarkdownText.codeBlock("text",
                    MarkdownText.cap(f.evidence(), MAX_BLOCK_TEXT))).append('\n');
        }
        if (!f.curl().isEmpty()) {
            sb.append("**Reproduce**\n\n").append(MarkdownText.codeBlock("sh",
                    MarkdownText.cap(f.curl(), MAX_BLOCK_TEXT))).append('\n');
        }
        if (!f.remediation().isBlank()) {
            sb.append("**Remediation** ").append(MarkdownText.escape(RemediationText.oneLine(f.remediation())))
                    .append("\n\n");
        }
        if (!f.references().isEmpty()) {
            sb.append("**References** ").append(f.references().stream()
                    .map(ref -> MarkdownText.link(ref.id(), ref.url())).collect(Collectors.joining(", ")))
                    .append("\n\n");
        }
        return sb.append("</details>\n\n").toString();
    }

    private static void coverage(ScanReport r, StringBuilder sb) {
        sb.append(sb.length() > 1 && sb.charAt(sb.length() - 2) == '\n' ? "" : "\n").append("### Coverage\n\n");
        List<String> counts = new ArrayList<>();
        for (CheckStatus s : CheckStatus.values()) {
            long n = r.checks().stream().filter(c -> c.status() == s).count();
            if (n > 0 || s == CheckStatus.COMPLETED) {
                counts.add(n + " " + s.id().replace('-', ' '));
            }
        }
        sb.append(Text.count(r.checks().size(), "check")).append(": ").append(String.join(", ", counts))
                .append(" · ").append(r.stats().endpointsDiscovered()).append(" endpoints (")
                .append(EndpointText.bySource(r.endpoints())).append(") · ")
                .append(Text.count(r.apiDocuments().size(), "API document")).append('\n');
        List<CheckRun> notCompleted = r.checks().stream()
                .filter(c -> c.status() != CheckStatus.COMPLETED && c.status() != CheckStatus.SKIPPED).toList();
        int listed = 0;
        for (CheckRun c : notCompleted) {
            if (listed == 20) {
                sb.append("- … and ").append(notCompleted.size() - listed).append(" more\n");
                break;
            }
            sb.append(listed == 0 ? "\n" : "").append("- ").append(code(c.checkId())).append(' ')
                    .append(c.status().id().replace('-', ' '))
                    .append(c.reason().isEmpty() ? "" : ": " + MarkdownText.escape(c.reason())).append('\n');
            listed++;
        }
        if (r.coverage().present()) {
            sb.append("\nSurface: ").append(MarkdownText.escape(SurfaceText.line(r.coverage()))).append('\n');
            List<String> untested = SurfaceText.untestedOperations(r.coverage(), 20);
            if (!untested.isEmpty()) {
                sb.append("\nUntested operations:\n\n");
                untested.forEach(u -> sb.append("- ").append(MarkdownText.escape(u)).append('\n'));
            }
        }
        if (!r.writes().isEmpty()) {
            sb.append("\nWrites: ").append(MarkdownText.escape(WritesText.line(r.writes()))).append('\n');
            List<String> left = WritesText.notUndone(r.writes(), 20);
            if (!left.isEmpty()) {
                sb.append("\nNot undone:\n\n");
                left.forEach(w -> sb.append("- ").append(MarkdownText.escape(w)).append('\n'));
            }
        }
        if (r.spec().present()) {
            sb.append("\nAPI description ").append(code(r.spec().source())).append(" (")
                    .append(SpecText.format(r.spec().version())).append("): ").append(SpecText.counts(r.spec()))
                    .append('\n');
        }
        endpoints(r, sb);
    }

    /**
     * The endpoints with their sources in a collapsed table, as many as the document's budget leaves room for (the
     * rest counted): the reader sees where each tested URL came from.
     */
    private static void endpoints(ScanReport r, StringBuilder sb) {
        if (r.endpoints().isEmpty()) {
            return;
        }
        sb.append("\n<details><summary>Endpoints by source</summary>\n\n| Endpoint | Source |\n|---|---|\n");
        int limit = MAX_CHARS - ENDPOINTS_TAIL;
        int listed = 0;
        for (var e : r.endpoints()) {
            String row = "| " + code(e.display()) + " | " + e.source().label() + " |\n";
            if (sb.length() + row.length() > limit) {
                break;
            }
            sb.append(row);
            listed++;
        }
        if (listed < r.endpoints().size()) {
            sb.append("\n… and ").append(r.endpoints().size() - listed).append(" more (the JSON report lists all)\n");
        }
        sb.append("\n</details>\n");
    }

    /** Inline code that no backtick in {@code s} can close early; backticks are rare in paths and ids. */
    private static String code(String s) {
        String one = Text.oneLine(s).replace("|", "\\|");
        String fence = one.contains("`") ? "`` " : "`";
        return fence + one + (fence.length() > 1 ? " ``" : "`");
    }
}
