package dev.parapet.triage;

import dev.parapet.config.Gate;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.score.GateVerdict;
import dev.parapet.score.Scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report's findings sorted for the gate: {@code gated} are judged (new against the baseline and not suppressed),
 * {@code known} were in the baseline, {@code suppressed} matched a suppression still in force. {@code expired}
 * lists suppressions past their date: they no longer apply and should be renewed or removed. Immutable.
 */
public record Triage(boolean baselineUsed, List<Finding> gated, List<Finding> known, List<Suppressed> suppressed,
                     List<Suppression> expired) {

    /** A finding kept out of the gate by {@code by}. */
    public record Suppressed(Finding finding, Suppression by) {
    }

    public Triage {
        gated = List.copyOf(gated);
        known = List.copyOf(known);
        suppressed = List.copyOf(suppressed);
        expired = List.copyOf(expired);
    }

    /**
     * Sorts {@code report}'s findings. A finding both known and suppressed counts as known. {@code today} decides
     * expiry (callers pass the UTC date; tests pass a fixed one).
     */
    public static Triage of(ScanReport report, Optional<Baseline> baseline, Suppressions suppressions,
                            LocalDate today) {
        List<Suppression> active = new ArrayList<>();
        List<Suppression> expired = new ArrayList<>();
        suppressions.entries().forEach(s -> (s.expiredOn(today) ? expired : active).add(s));
        List<Finding> gated = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (baseline.isPresent() && baseline.get().contains(f)) {
                known.add(f);
                continue;
            }
            Optional<Suppression> by = active.stream().filter(s -> s.matches(f)).findFirst();
            if (by.isPresent()) {
                suppressed.add(new Suppressed(f, by.get()));
            } else {
                gated.add(f);
            }
        }
        return new Triage(baseline.isPresent(), gated, known, suppressed, expired);
    }

    /** True when the gate judges fewer findings than the report lists. */
    public boolean narrowsTheGate() {
        return !known.isEmpty() || !suppressed.isEmpty();
    }

    /**
     * Evaluates {@code gate} over the gated findings only: {@code --fail-on} counts them, and {@code --threshold}
     * compares the score those findings alone would give (same checks, same context, same scoring). Without
     * baseline or suppressions this is exactly {@link GateVerdict#evaluate}.
     */
    public GateVerdict verdict(ScanReport report, Gate gate) {
        if (!narrowsTheGate()) {
            return GateVerdict.evaluate(report, gate);
        }
        ScanReport judged = new ScanReport(report.schemaVersion(), report.scanId(), report.parapetVersion(),
                report.target(), report.mode(), report.context(), report.startedAt(), report.duration(),
                report.complete(), report.incompleteReason(),
                Scoring.score(gated, report.checks(), report.context()), gated, report.attackPaths(),
                report.checks(), report.endpoints(), report.apiDocuments(), report.stats(), report.spec(),
                report.auth(), report.coverage(), report.writes(), report.verdict());
        GateVerdict v = GateVerdict.evaluate(judged, gate);
        String scope = " (counting only findings " + (baselineUsed ? "new against the baseline" : "")
                + (baselineUsed && !suppressed.isEmpty() ? " and " : "")
                + (!suppressed.isEmpty() || !baselineUsed ? "not suppressed" : "") + ")";
        return new GateVerdict(v.passed(), v.reasons().stream()
                .map(r -> r.startsWith("not graded: ") ? r : r + scope).toList());
    }
}
