package dev.parapet.report;

import dev.parapet.model.Coverage;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.Untested;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the text formats word the surface coverage. Stateless. */
final class SurfaceText {

    private SurfaceText() {
    }

    /** {@code 48 of 50 operations tested (96 %) · 130 of 140 input points (92 %) · untested: 2 mode}. */
    static String line(Coverage c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.operationsTested()).append(" of ").append(Text.count(c.operations(), "operation"))
                .append(" tested (").append(c.operationsPercent()).append(" %)");
        if (c.inputs() > 0) {
            sb.append(" · ").append(c.inputsTested()).append(" of ").append(Text.count(c.inputs(), "input point"))
                    .append(" (").append(c.inputsPercent()).append(" %)");
        }
        Map<Untested, Integer> by = c.untestedByReason();
        if (!by.isEmpty()) {
            List<String> parts = new ArrayList<>();
            by.forEach((reason, n) -> parts.add(n + " " + reason.label()));
            sb.append(" · untested: ").append(String.join(", ", parts));
        }
        return sb.toString();
    }

    /** The first {@code max} untested operations with their reason, and how many more there are. */
    static List<String> untestedOperations(Coverage c, int max) {
        List<String> out = new ArrayList<>();
        int more = 0;
        for (OperationCoverage d : c.details()) {
            if (d.untested().isEmpty()) {
                continue;
            }
            if (out.size() < max) {
                out.add(d.display() + " (" + d.untested().get().label() + ")");
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
