package dev.parapet.score;

import dev.parapet.config.Gate;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a report passes a gate, and why not. {@code reasons} is empty exactly when it passed. A scan that was not
 * graded never passes, whatever the gate: its first reason says why it was not graded.
 */
public record GateVerdict(boolean passed, List<String> reasons) {

    public GateVerdict {
        reasons = List.copyOf(reasons);
    }

    public static GateVerdict evaluate(ScanReport report, Gate gate) {
        List<String> reasons = new ArrayList<>();
        if (!report.verdict().graded()) {
            reasons.add("not graded: " + report.verdict().detail());
        }
        gate.threshold().ifPresent(t -> {
            Integer score = report.score().score();
            if (!report.verdict().graded()) {
                return; // an ungraded scan's score is provisional: the reason above already fails the gate
            }
            if (score == null) {
                reasons.add("no category could be assessed, so the score cannot meet --threshold " + t);
            } else if (score < t) {
                reasons.add("score " + score + " is below the threshold " + t);
            }
        });
        gate.failOn().ifPresent(s -> {
            List<Finding> over = report.findings().stream().filter(f -> f.severity().atLeast(s)).toList();
            if (!over.isEmpty()) {
                reasons.add(over.size() + (over.size() == 1 ? " finding is" : " findings are") + " at or above "
                        + s.id() + " (--fail-on " + s.id() + ")");
            }
        });
        return new GateVerdict(reasons.isEmpty(), reasons);
    }
}
