package dev.parapet.store;

import dev.parapet.model.Grade;
import dev.parapet.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of the scan history: enough to choose a scan without loading its report. {@code score} is null when no
 * category could be assessed. {@code findings} counts findings per severity (every severity present, zero when
 * none).
 */
public record StoredScan(String id, Instant startedAt, String target, String mode, Integer score, Grade grade,
                         Map<Severity, Integer> findings, boolean complete, Duration duration) {

    public StoredScan {
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
