package dev.parapet.cli;

import dev.parapet.model.Finding;
import dev.parapet.store.ScanDiff;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The plain-text form of a {@link ScanDiff}: counts and drift first, then the lists. */
final class DiffText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DiffText() {
    }

    static String render(ScanDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("From ").append(side(d.from())).append('\n');
        sb.append("  to ").append(side(d.to())).append('\n');
        if (!d.from().target().equals(d.to().target())) {
            sb.append("(the scans have different targets; fingerprints match on paths, not hosts)\n");
        }
        sb.append('\n');
        sb.append("Score   ").append(score(d.from().score())).append(" -> ").append(score(d.to().score()))
                .append(d.scoreDelta().map(x -> "  (" + signed(x) + ")").orElse("")).append('\n');
        sb.append("Grade   ").append(d.from().grade()).append(" -> ").append(d.to().grade()).append('\n');
        sb.append("Findings  ").append(d.added().size()).append(" new, ").append(d.resolved().size())
                .append(" resolved, ").append(d.unchanged().size()).append(" unchanged\n");
        List<ScanDiff.CategoryDelta> changed = d.categories().stream().filter(ScanDiff.CategoryDelta::changed).toList();
        if (!changed.isEmpty()) {
            sb.append("\nCategories\n");
            for (ScanDiff.CategoryDelta c : changed) {
                sb.append(String.format("  %-24s %4s -> %-4s %6s   %d new, %d resolved%n", c.category().id(),
                        score(c.fromScore()), score(c.toScore()), c.scoreDelta().map(DiffText::signed).orElse(""),
                        c.added(), c.resolved()));
            }
        }
        list(sb, "New", d.added());
        list(sb, "Resolved", d.resolved());
        list(sb, "Unchanged", d.unchanged());
        return sb.toString();
    }

    private static void list(StringBuilder sb, String heading, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        sb.append('\n').append(heading).append(" (").append(findings.size()).append(")\n");
        for (Finding f : findings) {
            sb.append(String.format("  %-8s %-28s %s  %s  [%s]%n", f.severity().id(), f.checkId(),
                    Printable.of(f.endpoint().display()), Printable.of(f.title()), f.fingerprint()));
        }
    }

    private static String side(ScanDiff.Side s) {
        return s.scanId() + "  " + WHEN.format(s.startedAt()) + "  " + Printable.of(s.target());
    }

    private static String score(Integer score) {
        return score == null ? "n/a" : score.toString();
    }

    private static String signed(int x) {
        return x > 0 ? "+" + x : String.valueOf(x);
    }
}
