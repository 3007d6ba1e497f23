package dev.parapet.report;

import dev.parapet.model.CategoryScore;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;

import java.util.List;
import java.util.Locale;

/**
 * The HTML report's two charts as inline SVG markup: category scores as horizontal bars (an unassessed category
 * gets a hatched "not assessed" row, never a bar) and finding counts per severity as columns. Built only from
 * numbers and the fixed category and severity names, and escaped all the same. Sizes are SVG user units. Colours
 * and fonts are attributes, not only the page's CSS classes: the PDF draws each chart with Batik, which sees the SVG
 * alone. Stateless.
 */
final class SvgCharts {

    private static final int LABEL = 270;
    private static final int BAR = 300;
    private static final int ROW = 22;

    private SvgCharts() {
    }

    /** One bar per category; an ungraded scan ({@code graded} false) draws none, its scores being provisional. */
    static String categories(List<CategoryScore> categories, boolean graded) {
        int height = categories.size() * ROW + 8;
        StringBuilder sb = svg(LABEL + BAR + 50, height, "Score per category");
        for (int i = 0; i < categories.size(); i++) {
            CategoryScore c = categories.get(i);
            int y = 4 + i * ROW;
            sb.append(text(LABEL - 8, y + 15, "end", c.category().title()));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" class=\"track\" "
                    + "fill=\"#eef0f4\"/>", LABEL, y + 2, BAR));
            if (c.assessed() && graded) {
                int w = c.score() * BAR / 100;
                sb.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" class=\"bar %s\" fill=\"%s\"/>", LABEL,
                        y + 2, w, band(c.score()), bandColour(c.score())));
                sb.append(text(LABEL + BAR + 6, y + 15, "start", String.valueOf(c.score())));
            } else {
                sb.append(text(LABEL + 6, y + 15, "start", c.assessed() ? VerdictText.CATEGORY_NOT_GRADED
                        : "not assessed"));
            }
        }
        return sb.append("</svg>").toString();
    }

    static String severities(ScanReport r) {
        List<Severity> order = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
                Severity.INFO);
        long max = Math.max(1, order.stream().mapToLong(r::count).max().orElse(1));
        int column = 64;
        int chart = 150;
        StringBuilder sb = svg(order.size() * column + 10, chart + 44, "Findings per severity");
        for (int i = 0; i < order.size(); i++) {
            Severity s = order.get(i);
            long n = r.count(s);
            int h = (int) (n * chart / max);
            int x = 10 + i * column;
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"44\" height=\"%d\" class=\"sev-%s\" fill=\"%s\"/>", x,
                    chart - h + 14, h, s.id(), colour(s)));
            sb.append(text(x + 22, chart - h + 10, "middle", String.valueOf(n)));
            sb.append(text(x + 22, chart + 32, "middle", s.id()));
        }
        return sb.append("</svg>").toString();
    }

    private static StringBuilder svg(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"%s\"><title>%s</title>", width, height, width, height, HtmlRenderer.escape(title),
                HtmlRenderer.escape(title)));
    }

    private static String text(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" "
                + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" fill=\"#1d2330\">%s</text>", x, y, anchor,
                HtmlRenderer.escape(text));
    }

    private static String bandColour(int score) {
        return switch (band(score)) {
            case "good" -> "#2e8b57";
            case "fair" -> "#d9a300";
            default -> "#c0392b";
        };
    }

    /** The severity colours of the page's badges. */
    private static String colour(Severity s) {
        return switch (s) {
            case CRITICAL -> "#7b1fa2";
            case HIGH -> "#c0392b";
            case MEDIUM -> "#d9822b";
            case LOW -> "#2f80c1";
            case INFO -> "#7a8394";
        };
    }

    /** Colour band of a score, matching the grade boundaries (A/B good, C fair, below poor). */
    private static String band(int score) {
        return score >= 80 ? "good" : score >= 70 ? "fair" : "poor";
    }
}
