package dev.parapet.labs;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mode's scan of the lab judged against the ground truth. {@code found}/{@code missed}: ground-truth ids;
 * {@code falsePositives}: findings of medium or higher (or tagged container-escape) that no ground-truth weakness
 * covers. {@code replays}: curl reproductions of the critical and high findings (vulnerable mode only). Immutable.
 */
record LabRun(String mode, ScanReport report, ScanReport activeReport, List<String> found, List<String> missed,
              List<Finding> falsePositives, List<CurlReplay.Result> replays) {

    /**
     * Judges the safe scan {@code report} and the active-mode scan {@code activeReport} (property-authorization
     * checks only): weaknesses marked active are looked for in the latter.
     */
    static LabRun judge(String mode, ScanReport report, ScanReport activeReport, GroundTruth truth, boolean planted,
                        List<CurlReplay.Result> replays) {
        List<String> found = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        if (planted) {
            for (GroundTruth.Weakness w : truth.weaknesses()) {
                ScanReport judged = w.active() ? activeReport : report;
                (judged.findings().stream().anyMatch(w::foundBy) ? found : missed).add(w.id());
            }
        }
        List<Finding> falsePositives = java.util.stream.Stream.concat(report.findings().stream(),
                        activeReport.findings().stream())
                .filter(f -> f.severity().atLeast(Severity.MEDIUM) || f.tags().contains(Finding.TAG_CONTAINER_ESCAPE))
                .filter(f -> !planted || truth.weaknesses().stream().noneMatch(w -> w.check().equals(f.checkId())))
                .toList();
        return new LabRun(mode, report, activeReport, found, missed, falsePositives, replays);
    }

    /** The JSON-ready summary written to {@code target/lab-results.json}. */
    Map<String, Object> summary(int plantedCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        if (plantedCount > 0) {
            m.put("recall", found.size() + "/" + plantedCount);
            m.put("found", found);
            m.put("missed", missed);
        }
        m.put("falsePositives", falsePositives.stream().map(LabRun::describe).toList());
        m.put("findings", report.findings().stream().map(LabRun::describe).toList());
        m.put("activeModeFindings", activeReport.findings().stream().map(LabRun::describe).toList());
        m.put("findingsBySeverity", bySeverity());
        m.put("attackPaths", report.attackPaths().size());
        m.put("scanSeconds", report.duration().toMillis() / 1000.0);
        m.put("requests", report.stats().requestsSent());
        m.put("complete", report.complete());
        if (!replays.isEmpty()) {
            m.put("curlReproduced", replays.stream().filter(CurlReplay.Result::reproduced).count() + "/" + replays.size());
            m.put("curlNotReproduced", replays.stream().filter(r -> !r.reproduced())
                    .map(r -> r.findingTitle() + ": " + r.reason()).toList());
        }
        return m;
    }

    private Map<String, Long> bySeverity() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            m.put(s.id(), report.count(s));
        }
        return m;
    }

    static String describe(Finding f) {
        return f.severity().id() + " " + f.checkId() + " " + f.endpoint().display() + ": " + f.title();
    }
}
