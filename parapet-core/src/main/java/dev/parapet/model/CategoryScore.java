package dev.parapet.model;

/**
 * A category's result. {@code assessed} is false when no check of the category completed; {@code score} is then
 * null and the category carries no weight. {@code weight} is the weight after the scan context was applied.
 */
public record CategoryScore(Category category, boolean assessed, Integer score, double weight, int findings,
                            String reason) {
    public CategoryScore {
        reason = reason == null ? "" : reason;
        if (assessed != (score != null)) {
            throw new IllegalArgumentException("a score is present exactly when the category was assessed");
        }
    }
}
