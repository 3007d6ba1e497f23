package dev.parapet.store;

import dev.parapet.model.Category;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.Finding;
import dev.parapet.model.Grade;
import dev.parapet.model.ScanReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed from scan {@code from} to scan {@code to}. Findings are matched by fingerprint (stable across scans
 * of the same target): {@code added} are in {@code to} only, {@code resolved} in {@code from} only, {@code unchanged}
 * in both (as {@code to} reports them). Lists keep the reports' order, most severe first. Immutable.
 */
public record ScanDiff(Side from, Side to, List<Finding> added, List<Finding> resolved, List<Finding> unchanged,
                       List<CategoryDelta> categories) {

    /** One end of the comparison. {@code score} is null when that scan assessed no category. */
    public record Side(String scanId, String target, Instant startedAt, Integer score, Grade grade) {
        static Side of(ScanReport r) {
            return new Side(r.scanId(), r.target(), r.startedAt(), r.score().score(), r.score().grade());
        }
    }

    /**
     * One category's change. Scores are null where the category was not assessed; {@code added}/{@code resolved}
     * count findings of the category by fingerprint.
     */
    public record CategoryDelta(Category category, Integer fromScore, Integer toScore, int fromFindings,
                                int toFindings, int added, int resolved) {

        /** The score change, when both scans assessed the category. */
        public Optional<Integer> scoreDelta() {
            return fromScore == null || toScore == null ? Optional.empty() : Optional.of(toScore - fromScore);
        }

        public boolean changed() {
            return added > 0 || resolved > 0 || !java.util.Objects.equals(fromScore, toScore)
                    || fromFindings != toFindings;
        }
    }

    public ScanDiff {
        added = List.copyOf(added);
        resolved = List.copyOf(resolved);
        unchanged = List.copyOf(unchanged);
        categories = List.copyOf(categories);
    }

    /** The overall score change, when both scans have a score. */
    public Optional<Integer> scoreDelta() {
        return from.score() == null || to.score() == null ? Optional.empty()
                : Optional.of(to.score() - from.score());
    }

    /** Compares two reports; a pure function of its arguments. */
    public static ScanDiff between(ScanReport from, ScanReport to) {
        Map<String, Finding> before = byFingerprint(from.findings());
        Map<String, Finding> after = byFingerprint(to.findings());
        List<Finding> added = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        after.forEach((fp, f) -> (before.containsKey(fp) ? unchanged : added).add(f));
        List<Finding> resolved = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<CategoryDelta> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            CategoryScore a = categoryOf(from, c);
            CategoryScore b = categoryOf(to, c);
            categories.add(new CategoryDelta(c, a == null ? null : a.score(), b == null ? null : b.score(),
                    (int) from.findings().stream().filter(f -> f.category() == c).count(),
                    (int) to.findings().stream().filter(f -> f.category() == c).count(),
                    (int) added.stream().filter(f -> f.category() == c).count(),
                    (int) resolved.stream().filter(f -> f.category() == c).count()));
        }
        return new ScanDiff(Side.of(from), Side.of(to), added, resolved, unchanged, categories);
    }

    private static Map<String, Finding> byFingerprint(List<Finding> findings) {
        Map<String, Finding> map = new LinkedHashMap<>();
        findings.forEach(f -> map.putIfAbsent(f.fingerprint(), f));
        return map;
    }

    private static CategoryScore categoryOf(ScanReport report, Category c) {
        return report.score().categories().stream().filter(s -> s.category() == c).findFirst().orElse(null);
    }
}
