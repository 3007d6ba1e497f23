package dev.parapet.report;

import dev.parapet.model.AttackPath;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default summary's attack paths and findings, each on one line so the headline stays on screen: a path is its
 * severity, title and number of steps; findings are grouped by severity, critical first, and within a severity by
 * check, one line per check: its most severe finding's title and endpoint, how many more findings the check made at
 * that severity, and the check id. {@code --details} (or any report file) lists every finding in full.
 */
final class ShortFindings {

    private static final List<Severity> ORDER = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    private final int width;
    private final Style style;

    ShortFindings(int width, Style style) {
        this.width = width;
        this.style = style;
    }

    String attackPaths(List<AttackPath> paths) {
        StringBuilder sb = new StringBuilder(style.bold("Attack paths")).append('\n');
        for (AttackPath p : paths) {
            String severity = p.severity().id().toUpperCase(Locale.ROOT);
            String rest = Text.oneLine(p.title()) + " (" + Text.count(p.steps().size(), "step") + ")";
            sb.append("  ").append(style.severity(p.severity(), severity)).append("  ")
                    .append(Text.truncate(rest, width - 4 - severity.length())).append('\n');
        }
        return sb.toString();
    }

    String findings(List<Finding> all) {
        if (all.isEmpty()) {
            return style.bold("Findings") + "\n  No findings.\n";
        }
        String title = "Findings (" + all.size() + ")";
        String hint = " · one line per check; --details for evidence, remediation and curl";
        StringBuilder sb = new StringBuilder(style.bold(title))
                .append(title.length() + hint.length() <= width ? style.dim(hint) : "").append('\n');
        for (Severity s : ORDER) {
            List<Finding> group = all.stream().filter(f -> f.severity() == s)
                    .sorted(ScanReport.MOST_SEVERE_FIRST).toList();
            if (group.isEmpty()) {
                continue;
            }
            sb.append(style.severity(s, s.id().toUpperCase(Locale.ROOT) + " · " + group.size())).append('\n');
            Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
            group.forEach(f -> byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f));
            for (Map.Entry<String, List<Finding>> e : byCheck.entrySet()) {
                sb.append(line(e.getKey(), e.getValue())).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code   Title — GET /path, +2 more  (check-id)}: the check id is never cut, the title is. */
    private String line(String checkId, List<Finding> findings) {
        Finding first = findings.getFirst();
        String more = findings.size() == 1 ? "" : ", +" + (findings.size() - 1) + " more";
        String tail = " — " + Text.oneLine(first.endpoint().display()) + more;
        String id = "  (" + checkId + ")";
        int room = width - 2 - id.length();
        String text = Text.oneLine(first.title()) + tail;
        return "  " + Text.truncate(text, Math.max(10, room)) + style.dim(id);
    }
}
