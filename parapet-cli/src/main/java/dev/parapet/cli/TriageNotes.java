package dev.parapet.cli;

import dev.parapet.model.Finding;
import dev.parapet.triage.Suppression;
import dev.parapet.triage.Triage;

import java.util.ArrayList;
import java.util.List;

/** The lines that tell a user what the baseline and suppressions kept out of the gate, and what has expired. */
final class TriageNotes {

    private TriageNotes() {
    }

    /** Notes for the summary: empty when neither a baseline nor a suppression was in play. */
    static List<String> lines(Triage t) {
        List<String> lines = new ArrayList<>();
        if (t.baselineUsed()) {
            lines.add("Baseline: " + count(t.known().size()) + " already known (not gated), "
                    + count(t.gated().size() + t.suppressed().size()) + " new.");
        }
        for (Triage.Suppressed s : t.suppressed()) {
            Finding f = s.finding();
            lines.add("Suppressed until " + s.by().expires() + ": " + f.checkId() + " on " + f.endpoint().display()
                    + " (" + s.by().reason() + ")");
        }
        for (Suppression s : t.expired()) {
            lines.add(expired(s));
        }
        return lines;
    }

    static String expired(Suppression s) {
        return "Expired suppression (" + s.label() + ", expired " + s.expires() + ": " + s.reason()
                + "): no longer applies; renew its date or remove it.";
    }

    /**
     * Puts {@code notes} before the last line of a summary, so the gate line stays the last line that scripts read.
     */
    static String insertBeforeGateLine(String summary, List<String> notes) {
        if (notes.isEmpty()) {
            return summary;
        }
        String body = summary.endsWith("\n") ? summary.substring(0, summary.length() - 1) : summary;
        int cut = body.lastIndexOf('\n') + 1;
        return body.substring(0, cut) + String.join("\n", notes) + "\n\n" + body.substring(cut) + "\n";
    }

    private static String count(int n) {
        return n + (n == 1 ? " finding" : " findings");
    }
}
