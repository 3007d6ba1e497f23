package dev.parapet.model;

import java.util.List;

/**
 * The scan's overall score (null when no category could be assessed), its grade, why the grade was capped if it
 * was, and one entry per category in {@link Category} order.
 */
public record ScoreCard(Integer score, Grade grade, String gradeCap, List<CategoryScore> categories) {
    public ScoreCard {
        categories = List.copyOf(categories);
        gradeCap = gradeCap == null ? "" : gradeCap;
    }

    public boolean assessed() {
        return score != null;
    }
}
