package dev.parapet.report;

import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SARIF rules of a scan: one per check that ran, plus any check that only appears through a finding, in the
 * order the checks were scheduled. A report carries no check descriptors, so a rule is described from what the scan
 * itself knows: its category, and its findings' titles, remediation and references. Immutable.
 */
record SarifRules(List<Rule> rules, Map<String, Integer> indexOf) {

    /** One check as a rule, with its findings in this scan (possibly none). */
    record Rule(CheckRun run, List<Finding> findings) {

        String id() {
            return run.checkId();
        }

        /** Its worst finding's severity, or info when it found nothing. */
        Severity worst() {
            return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
        }

        String remediation() {
            return findings.stream().map(Finding::remediation).filter(r -> !r.isBlank()).findFirst().orElse("");
        }

        /** Distinct references of its findings, OWASP first, in first-seen order. */
        List<Reference> references() {
            Set<Reference> refs = new LinkedHashSet<>();
            if (!run.category().owaspApi().isEmpty()) {
                refs.add(Reference.owaspApi(run.category().owaspApi()));
            }
            findings.forEach(f -> refs.addAll(f.references()));
            return List.copyOf(refs);
        }

        /** {@code sql-identifier-injection} becomes {@code SqlIdentifierInjection}, the form SARIF viewers show. */
        String name() {
            StringBuilder sb = new StringBuilder();
            for (String word : id().split("-")) {
                if (!word.isEmpty()) {
                    sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            return sb.toString();
        }
    }

    static SarifRules of(ScanReport report) {
        Map<String, CheckRun> runs = new LinkedHashMap<>();
        report.checks().forEach(c -> runs.putIfAbsent(c.checkId(), c));
        for (Finding f : report.findings()) {
            runs.putIfAbsent(f.checkId(), new CheckRun(f.checkId(), f.category(), CheckStatus.COMPLETED, "", 0, 0, 0,
                    Duration.ZERO));
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (CheckRun run : runs.values()) {
            index.put(run.checkId(), rules.size());
            rules.add(new Rule(run, report.findings().stream().filter(f -> f.checkId().equals(run.checkId()))
                    .toList()));
        }
        return new SarifRules(List.copyOf(rules), Map.copyOf(index));
    }

    /** GitHub's {@code security-severity}: a CVSS-like score that its code scanning maps back to a severity. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** SARIF's result level: critical and high are errors, medium warnings, low and info notes. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
