package dev.parapet.report;

import dev.parapet.model.WriteRecord;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How the text formats word what an active scan changed on the target. Stateless. */
final class WritesText {

    private WritesText() {
    }

    /** {@code 5 writes: 4 undone, 1 left behind}; empty when the scan wrote nothing. */
    static String line(List<WriteRecord> writes) {
        if (writes.isEmpty()) {
            return "";
        }
        Map<WriteRecord.Outcome, Integer> by = new EnumMap<>(WriteRecord.Outcome.class);
        writes.forEach(w -> by.merge(w.outcome(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        by.forEach((outcome, n) -> parts.add(n + " " + outcome.label()));
        return Text.count(writes.size(), "write") + " to the target: " + String.join(", ", parts);
    }

    /** The writes not undone (left behind or unconfirmed), at most {@code max}, each with the reason. */
    static List<String> notUndone(List<WriteRecord> writes, int max) {
        List<String> out = new ArrayList<>();
        int more = 0;
        for (WriteRecord w : writes) {
            if (w.outcome().clean()) {
                continue;
            }
            if (out.size() < max) {
                out.add(w.outcome().label() + ": " + w.display() + " by " + w.checkId()
                        + (w.detail().isEmpty() ? "" : " (" + w.detail() + ")"));
            } else {
                more++;
            }
        }
        if (more > 0) {
            out.add("and " + more + " more");
        }
        return out;
    }
}
