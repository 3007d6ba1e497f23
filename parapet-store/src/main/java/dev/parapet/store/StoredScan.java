package dev.parapet.store;

import dev.parapet.model.Grade;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the scan history: enough to choose a scan without loading its report. {@code score} is null when no
 * category could be assessed. {@code findings} counts findings per severity (every severity present, zero when
 * none). {@code verdict} is the stored report's, empty for a report written before verdicts existed (schema
 * before 1.3).
 */
public record StoredScan(String id, Instant startedAt, String target, String mode, Integer score, Grade grade,
                         Map<Severity, Integer> findings, boolean complete, Duration duration,
                         Optional<Verdict> verdict) {

    /** A scan whose verdict is not known. */
    public StoredScan(String id, Instant startedAt, String target, String mode, Integer score, Grade grade,
                      Map<Severity, Integer> findings, boolean complete, Duration duration) {
        this(id, startedAt, target, mode, score, grade, findings, complete, duration, Optional.empty());
    }

    public StoredScan {
        verdict = verdict == null ? Optional.empty() : verdict;
        EnumMap<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, findings.getOrDefault(s, 0));
        }
        findings = Map.copyOf(all);
    }

    public int count(Severity severity) {
        return findings.get(severity);
    }
}
