package dev.parapet.server;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreChartTest {

    @Test
    void drawsOnePointPerScanHigherScoresHigherOnTheChart() {
        String svg = ScoreChart.svg(List.of(new ScoreChart.Point("a", Instant.EPOCH, 40, "F"),
                new ScoreChart.Point("b", Instant.EPOCH.plusSeconds(60), 95, "A")));
        assertThat(svg).startsWith("<svg id=\"score-chart\"").endsWith("</svg>").contains("<polyline");
        assertThat(svg.split("<circle class=\"point\"", -1)).hasSize(3);
        // y grows downwards: 95 sits above 40
        String points = svg.substring(svg.indexOf("points=\"") + 8, svg.indexOf('"', svg.indexOf("points=\"") + 8));
        String[] xy = points.split(" ");
        assertThat(Double.parseDouble(xy[1].split(",")[1])).isLessThan(Double.parseDouble(xy[0].split(",")[1]));
    }

    @Test
    void saysSoWhenNoScanHasCompleted() {
        assertThat(ScoreChart.svg(List.of())).contains("no completed scan yet").doesNotContain("<circle");
    }

    @Test
    void escapesTheGradeTextInTooltips() {
        assertThat(ScoreChart.svg(List.of(new ScoreChart.Point("a", Instant.EPOCH, 50, "<b>"))))
                .contains("(&lt;b&gt;)").doesNotContain("<b>");
    }
}
