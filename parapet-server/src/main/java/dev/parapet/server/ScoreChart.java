package dev.parapet.server;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The score of one target over time as an inline SVG line chart: one point per completed scan, oldest on the left,
 * evenly spaced (a scan's time is in its tooltip), the grade thresholds 90/80/70/60 drawn as guides. Self-contained
 * markup with no script and no external reference, so it renders offline and under a strict CSP.
 */
final class ScoreChart {

    /** One completed scan on the chart. */
    record Point(String jobId, Instant at, int score, String grade) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 36;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 24;

    private ScoreChart() {
    }

    static String svg(List<Point> points) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(String.format(Locale.ROOT, "<svg id=\"score-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"Score over time, %d scans\">", WIDTH, HEIGHT, WIDTH, HEIGHT, points.size()));
        for (int guide : new int[]{100, 90, 80, 70, 60, 0}) {
            double y = y(guide);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" "
                    + "fill=\"#666\">%d</text>", LEFT, y, WIDTH - RIGHT, y, LEFT - 4, y + 3, guide));
        }
        if (points.isEmpty()) {
            sb.append("<text x=\"50%\" y=\"50%\" text-anchor=\"middle\" fill=\"#666\">no completed scan yet</text>");
            return sb.append("</svg>").toString();
        }
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = x(i, points.size());
            double y = y(p.score());
            line.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            dots.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
                    + "fill=\"#1f5fa8\"><title>", x, y)).append(Html.escape(p.at() + ": " + p.score() + " ("
                    + p.grade() + ")")).append("</title></circle>");
        }
        sb.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"").append(line)
                .append("\"/>").append(dots);
        return sb.append("</svg>").toString();
    }

    private static double x(int index, int count) {
        double span = WIDTH - LEFT - RIGHT;
        return count == 1 ? LEFT + span / 2 : LEFT + span * index / (count - 1);
    }

    private static double y(int score) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (100 - score) / 100.0;
    }
}
