package dev.parapet.score;

import dev.parapet.model.Category;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Grade;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring of docs/scoring.md, as a pure function. Each assessed category starts at 100 and loses
 * {@code deduction(severity) × factor(confidence)} per finding; the n-th finding of the same check in a category
 * (most severe first) counts {@code 1/n} as much, so one noisy check cannot zero a category on its own. The overall
 * score is the mean of assessed categories weighted by {@link CategoryWeights}. A confirmed critical finding caps
 * the grade at D. Categories where no check completed are "not assessed": no score, no weight.
 */
public final class Scoring {

    private Scoring() {
    }

    /** Points one finding of each severity takes from its category, before the confidence factor. */
    public static int deduction(Severity s) {
        return switch (s) {
            case CRITICAL -> 40;
            case HIGH -> 25;
            case MEDIUM -> 10;
            case LOW -> 3;
            case INFO -> 0;
        };
    }

    public static double factor(Confidence c) {
        return switch (c) {
            case CONFIRMED -> 1.0;
            case FIRM -> 0.8;
            case TENTATIVE -> 0.5;
        };
    }

    public static ScoreCard score(List<Finding> findings, List<CheckRun> runs, ScanContext context) {
        Map<Category, Double> weights = CategoryWeights.of(context);
        Map<Category, List<Finding>> byCategory = new EnumMap<>(Category.class);
        findings.forEach(f -> byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f));
        List<CategoryScore> categories = new ArrayList<>();
        double weighted = 0;
        double totalWeight = 0;
        for (Category c : Category.values()) {
            List<CheckRun> catRuns = runs.stream().filter(r -> r.category() == c).toList();
            boolean assessed = catRuns.stream().anyMatch(r -> r.status() == CheckStatus.COMPLETED);
            List<Finding> catFindings = byCategory.getOrDefault(c, List.of());
            if (!assessed) {
                categories.add(new CategoryScore(c, false, null, weights.get(c), catFindings.size(),
                        notAssessedReason(catRuns)));
                continue;
            }
            int score = categoryScore(catFindings);
            categories.add(new CategoryScore(c, true, score, weights.get(c), catFindings.size(), ""));
            weighted += score * weights.get(c);
            totalWeight += weights.get(c);
        }
        if (totalWeight == 0) {
            return new ScoreCard(null, Grade.F, "no category could be assessed", categories);
        }
        int overall = (int) Math.round(weighted / totalWeight);
        Grade grade = Grade.of(overall);
        String cap = "";
        boolean confirmedCritical = findings.stream()
                .anyMatch(f -> f.severity() == Severity.CRITICAL && f.confidence() == Confidence.CONFIRMED);
        if (confirmedCritical && grade.compareTo(Grade.D) < 0) {
            grade = Grade.D;
            cap = "a confirmed critical finding caps the grade at D";
        }
        return new ScoreCard(overall, grade, cap, categories);
    }

    /** 100 minus the diminishing deductions of the category's findings, floored at 0. */
    static int categoryScore(List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::confidence, Comparator.reverseOrder()));
        Map<String, Integer> seenPerCheck = new HashMap<>();
        double lost = 0;
        for (Finding f : ordered) {
            int n = seenPerCheck.merge(f.checkId(), 1, Integer::sum);
            lost += deduction(f.severity()) * factor(f.confidence()) / n;
        }
        return (int) Math.max(0, Math.round(100 - lost));
    }

    private static String notAssessedReason(List<CheckRun> runs) {
        if (runs.isEmpty()) {
            return "no check of this category in this scan";
        }
        return runs.stream().map(r -> r.checkId() + ": " + (r.reason().isEmpty() ? r.status().id() : r.reason()))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
