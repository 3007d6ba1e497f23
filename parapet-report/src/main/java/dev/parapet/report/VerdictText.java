package dev.parapet.report;

import dev.parapet.model.CategoryScore;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScoreCard;

/**
 * The headline every human-readable format shares: the grade and score of a graded scan, {@code NOT GRADED
 * (reason)} otherwise. An ungraded scan's scores are provisional, so no category shows a number either.
 */
final class VerdictText {

    /** What a category assessed by an ungraded scan shows instead of its provisional score. */
    static final String CATEGORY_NOT_GRADED = "not graded";

    private VerdictText() {
    }

    /** {@code Grade B · 84/100}, or {@code NOT GRADED (every one of 82 answers was 429 Too Many Requests)}. */
    static String headline(ScanReport r) {
        if (!r.verdict().graded()) {
            return r.verdict().headline();
        }
        ScoreCard card = r.score();
        return "Grade " + card.grade() + " · " + (card.score() == null ? "no score" : card.score() + "/100");
    }

    /** A category's score cell: its score, "not graded", or "not assessed: reason". */
    static String categoryCell(ScanReport r, CategoryScore c) {
        if (!c.assessed()) {
            return c.reason().isEmpty() ? "not assessed" : "not assessed: " + c.reason();
        }
        return r.verdict().graded() ? String.valueOf(c.score()) : CATEGORY_NOT_GRADED;
    }
}
