package dev.parapet.report;

import dev.parapet.model.AttackPath;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The summary's attack paths and findings. Findings are grouped by severity, critical first; each non-info finding
 * gets a block with evidence, remediation, references and its curl reproduction (never wrapped, so it can be
 * copied). Informational findings get one line each, and past {@link #MAX_INFO_LINES} only a count.
 */
final class FindingsSection {

    /** Beyond this many informational findings the summary prints a count; the table and JSON list them all. */
    static final int MAX_INFO_LINES = 10;

    private static final int INDENT = 4;
    private static final int LABEL = 13;
    private static final List<Severity> ORDER = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    private final int width;
    private final Style style;

    FindingsSection(int width, Style style) {
        this.width = width;
        this.style = style;
    }

    String attackPaths(List<AttackPath> paths) {
        StringBuilder sb = new StringBuilder(style.bold("Attack paths")).append('\n');
        for (AttackPath p : paths) {
            String severity = p.severity().id().toUpperCase(java.util.Locale.ROOT);
            List<String> title = Text.wrap(p.title(), width - 4 - severity.length());
            sb.append("  ").append(style.severity(p.severity(), severity)).append("  ").append(title.getFirst())
                    .append('\n');
            for (String line : title.subList(1, title.size())) {
                sb.append(" ".repeat(4 + severity.length())).append(line).append('\n');
            }
            // The narrative chains its steps with arrows; one step per line reads better than one long paragraph.
            for (String step : p.narrative().split(" → ")) {
                List<String> lines = Text.wrap(step, width - INDENT - 3);
                for (int i = 0; i < lines.size(); i++) {
                    sb.append(" ".repeat(INDENT)).append(i == 0 ? "" : "   ").append(lines.get(i)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    String findings(List<Finding> all) {
        if (all.isEmpty()) {
            return style.bold("Findings") + "\n  No findings.\n";
        }
        StringBuilder sb = new StringBuilder(style.bold("Findings (" + all.size() + ")")).append('\n');
        for (Severity s : ORDER) {
            List<Finding> group = all.stream().filter(f -> f.severity() == s)
                    .sorted(ScanReport.MOST_SEVERE_FIRST).toList();
            if (group.isEmpty()) {
                continue;
            }
            sb.append('\n').append(style.severity(s, s.id().toUpperCase(java.util.Locale.ROOT) + " · "
                    + group.size())).append('\n');
            if (s == Severity.INFO) {
                sb.append(infoLines(group));
            } else {
                for (int i = 0; i < group.size(); i++) {
                    sb.append(i == 0 ? "" : "\n").append(block(group.get(i)));
                }
            }
        }
        return sb.toString();
    }

    private String block(Finding f) {
        StringBuilder sb = new StringBuilder();
        String tag = "[" + f.severity().id() + " · " + f.confidence().id() + "] ";
        List<String> title = Text.wrap(f.title(), width - 2 - tag.length());
        sb.append("  ").append(style.severity(f.severity(), tag.stripTrailing())).append(' ')
                .append(style.bold(title.getFirst())).append('\n');
        for (String line : title.subList(1, title.size())) {
            sb.append(" ".repeat(2 + tag.length())).append(style.bold(line)).append('\n');
        }
        sb.append(Text.labelled(INDENT, "check", LABEL, f.checkId() + " · " + f.category().id(), width));
        sb.append(Text.labelled(INDENT, "endpoint", LABEL, f.endpoint().display(), width));
        if (!f.parameter().isEmpty()) {
            sb.append(Text.labelled(INDENT, "parameter", LABEL, f.parameter(), width));
        }
        if (!f.evidence().isBlank()) {
            sb.append(labelledLines("evidence", Text.wrap(f.evidence(), width - INDENT - LABEL, 2)));
        }
        if (!f.remediation().isBlank()) {
            sb.append(labelledLines("remediation", remediationLines(f.remediation())));
        }
        if (!f.references().isEmpty()) {
            sb.append(Text.labelled(INDENT, "references", LABEL,
                    f.references().stream().map(Reference::id).collect(Collectors.joining(", ")), width));
        }
        if (!f.tags().isEmpty()) {
            sb.append(Text.labelled(INDENT, "tags", LABEL, String.join(", ", f.sortedTags()), width));
        }
        if (!f.curl().isEmpty()) {
            sb.append(" ".repeat(INDENT)).append(Text.cell("reproduce", LABEL)).append(f.curl()).append('\n');
        }
        return sb.toString();
    }

    /** The advice as plain text, each of its lines (prose and code alike) wrapped on its own. */
    private List<String> remediationLines(String markdown) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : RemediationText.plain(markdown).split("\n")) {
            if (!line.isBlank()) {
                out.addAll(Text.wrap(line, width - INDENT - LABEL));
            }
        }
        return out;
    }

    private String labelledLines(String label, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(" ".repeat(INDENT)).append(Text.cell(i == 0 ? label : "", LABEL)).append(lines.get(i))
                    .append('\n');
        }
        return sb.toString();
    }

    private String infoLines(List<Finding> group) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : group.subList(0, Math.min(group.size(), MAX_INFO_LINES))) {
            String line = f.title() + " — " + f.endpoint().display() + " (" + f.checkId() + ")";
            sb.append("  ").append(Text.truncate(line, width - 2)).append('\n');
        }
        if (group.size() > MAX_INFO_LINES) {
            sb.append("  … and ").append(Text.count(group.size() - MAX_INFO_LINES, "more informational finding"))
                    .append("; the table and JSON formats list them all\n");
        }
        return sb.toString();
    }
}
