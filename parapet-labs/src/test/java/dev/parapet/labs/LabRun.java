package dev.parapet.labs;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.service.ScanService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One mode's scan of the lab judged against the ground truth. {@code found}/{@code missed}: ground-truth ids the
 * scan must find today; {@code waiting}: ids it is not held to yet, with the reason (the check is not installed, or
 * the entry's {@code waits_for}); {@code foundWhileWaiting}: waiting ids found all the same, whose {@code waits_for}
 * should go; {@code falsePositives}: findings of medium or higher (or tagged container-escape) that no ground-truth
 * weakness covers. {@code replays}: curl reproductions of the critical and high findings (vulnerable mode only).
 * Immutable.
 */
record LabRun(String mode, ScanReport report, ScanReport activeReport, List<String> found, List<String> missed,
              Map<String, String> waiting, List<String> foundWhileWaiting, List<Finding> falsePositives,
              List<CurlReplay.Result> replays) {

    /**
     * Judges the safe scan {@code report} and the active-mode scan {@code activeReport}: weaknesses marked active
     * are looked for in the latter, the others in the former.
     */
    static LabRun judge(String mode, ScanReport report, ScanReport activeReport, GroundTruth truth, boolean planted,
                        List<CurlReplay.Result> replays) {
        Set<String> installed = ScanService.withInstalledChecks().descriptors().stream().map(d -> d.id())
                .collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Map<String, String> waiting = new LinkedHashMap<>();
        List<String> foundWhileWaiting = new ArrayList<>();
        if (planted) {
            for (GroundTruth.Weakness w : truth.weaknesses()) {
                ScanReport judged = w.active() ? activeReport : report;
                boolean isFound = judged.findings().stream().anyMatch(w::foundBy);
                String why = w.waiting(installed);
                if (isFound) {
                    found.add(w.id());
                    if (why != null) {
                        foundWhileWaiting.add(w.id());
                    }
                } else if (why != null) {
                    waiting.put(w.id(), why);
                } else {
                    missed.add(w.id());
                }
            }
        }
        List<Finding> falsePositives = java.util.stream.Stream.concat(report.findings().stream(),
                        activeReport.findings().stream())
                .filter(f -> f.severity().atLeast(Severity.MEDIUM) || f.tags().contains(Finding.TAG_CONTAINER_ESCAPE))
                .filter(f -> !planted || truth.weaknesses().stream().noneMatch(w -> w.check().equals(f.checkId())))
                .toList();
        return new LabRun(mode, report, activeReport, found, missed, waiting, foundWhileWaiting, falsePositives,
                replays);
    }

    /** The JSON-ready summary written to {@code target/lab-results.json}. */
    Map<String, Object> summary(int plantedCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        if (plantedCount > 0) {
            m.put("recall", found.size() + "/" + plantedCount);
            m.put("found", found);
            m.put("missed", missed);
            m.put("waiting", waiting);
            if (!foundWhileWaiting.isEmpty()) {
                m.put("foundWhileWaiting", foundWhileWaiting);
            }
        }
        m.put("falsePositives", falsePositives.stream().map(LabRun::describe).toList());
        m.put("findings", report.findings().stream().map(LabRun::describe).toList());
        m.put("activeModeFindings", activeReport.findings().stream().map(LabRun::describe).toList());
        m.put("checksNotCompleted", notCompleted(report));
        m.put("activeChecksNotCompleted", notCompleted(activeReport));
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

    /** Checks that did not complete, with how they ended and why: what a reader needs to tell "not found" apart. */
    private static Map<String, String> notCompleted(ScanReport r) {
        Map<String, String> m = new java.util.TreeMap<>();
        r.checks().stream().filter(c -> c.status() != dev.parapet.model.CheckStatus.COMPLETED)
                .forEach(c -> m.put(c.checkId(), c.status().id() + ": " + c.reason()));
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
