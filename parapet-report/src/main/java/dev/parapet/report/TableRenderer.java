package dev.parapet.report;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;

import java.util.List;

/**
 * One fixed-width row per finding (severity, confidence, check id, category, endpoint, title), most severe first,
 * then a one-line score footer. Column widths fit the report's content up to a cap; longer cells are truncated with
 * an ellipsis, and the title takes what is left of the width but at least {@link #MIN_TITLE} chars, so a row may
 * be wider than the width when the other columns need the room. One finding per line, so {@code grep} finds it.
 */
final class TableRenderer {

    static final int MIN_TITLE = 40;
    private static final int MAX_CHECK = 32;
    private static final int MAX_ENDPOINT = 40;
    private static final String GAP = "  ";

    private TableRenderer() {
    }

    static String render(ScanReport report, RenderOptions options) {
        Style style = new Style(options.color());
        List<Finding> findings = report.findings().stream().sorted(ScanReport.MOST_SEVERE_FIRST).toList();
        int sev = column("SEVERITY", findings.stream().map(f -> f.severity().id()).toList(), 8);
        int conf = column("CONFIDENCE", findings.stream().map(f -> f.confidence().id()).toList(), 10);
        int check = column("CHECK", findings.stream().map(Finding::checkId).toList(), MAX_CHECK);
        int cat = column("CATEGORY", findings.stream().map(f -> f.category().id()).toList(), 22);
        int endpoint = column("ENDPOINT", findings.stream().map(f -> f.endpoint().display()).toList(), MAX_ENDPOINT);
        int used = sev + conf + check + cat + endpoint + 5 * GAP.length();
        int title = Math.max(MIN_TITLE, options.layoutWidth() - used);

        StringBuilder sb = new StringBuilder();
        sb.append(style.bold(row(new String[] {"SEVERITY", "CONFIDENCE", "CHECK", "CATEGORY", "ENDPOINT", "TITLE"},
                new int[] {sev, conf, check, cat, endpoint, title}))).append('\n');
        for (Finding f : findings) {
            String severity = style.severity(f.severity(), Text.cell(f.severity().id(), sev));
            sb.append(severity).append(GAP).append(row(new String[] {f.confidence().id(), f.checkId(),
                    f.category().id(), f.endpoint().display(), Text.oneLine(f.title())},
                    new int[] {conf, check, cat, endpoint, title})).append('\n');
        }
        return sb.append(footer(report)).append('\n').toString();
    }

    private static int column(String header, List<String> cells, int max) {
        int widest = cells.stream().mapToInt(String::length).max().orElse(0);
        return Math.min(max, Math.max(header.length(), widest));
    }

    /** Cells padded to their widths; the last one is only truncated, so rows carry no trailing blanks. */
    private static String row(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            sb.append(last ? Text.truncate(cells[i], widths[i]) : Text.cell(cells[i], widths[i]) + GAP);
        }
        return sb.toString();
    }

    private static String footer(ScanReport r) {
        ScoreCard card = r.score();
        long assessed = card.categories().stream().filter(c -> c.assessed()).count();
        StringBuilder sb = new StringBuilder(Text.oneLine(VerdictText.headline(r))).append(" · ")
                .append(Text.count(r.findings().size(), "finding")).append(" (");
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            sb.append(s == Severity.CRITICAL ? "" : ", ").append(r.count(s)).append(' ').append(s.id());
        }
        sb.append(") · ").append(assessed).append(" of ").append(card.categories().size())
                .append(" categories assessed");
        if (!r.complete()) {
            sb.append(" · INCOMPLETE: ").append(Text.oneLine(r.incompleteReason()));
        }
        return sb.toString();
    }
}
