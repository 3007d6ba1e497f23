package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.CheckDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SARIF rules of a scan: one per installed check, described by its descriptor (title, summary, remediation,
 * default severity, CWEs, tags), so a rule reads the same in every scan, found something or not, and code scanning
 * ranks a critical check as critical before it ever fires. A check that appears in the report but is not installed
 * here (a stored scan read by another Parapet) becomes a rule described from what the report knows of it. Immutable.
 */
record SarifRules(List<Rule> rules, Map<String, Integer> indexOf) {

    /**
     * One check as a rule. {@code severity} is its default severity; {@code tags} are the descriptor's own (sorted).
     */
    record Rule(String id, Category category, String title, String summary, Severity severity,
                List<Reference> references, Set<String> tags, String remediation) {

        static Rule of(CheckDescriptor d) {
            return new Rule(d.id(), d.category(), d.title(), d.summary(), d.defaultSeverity(), d.references(),
                    new TreeSet<>(d.tags()), d.remediation());
        }

        /** A check known only from the report: its worst finding speaks for it. */
        static Rule fromReport(String id, Category category, List<Finding> findings) {
            Finding first = findings.stream().sorted(ScanReport.MOST_SEVERE_FIRST).findFirst().orElse(null);
            Set<Reference> refs = new LinkedHashSet<>();
            if (!category.owaspApi().isEmpty()) {
                refs.add(Reference.owaspApi(category.owaspApi()));
            }
            findings.forEach(f -> refs.addAll(f.references()));
            Set<String> tags = new TreeSet<>();
            findings.forEach(f -> tags.addAll(f.tags()));
            String title = first == null ? category.title() + ": " + id : first.title();
            return new Rule(id, category, title, "",
                    first == null ? Severity.INFO : first.severity(), List.copyOf(refs), tags,
                    first == null ? "" : first.remediation());
        }

        /** {@code sql-identifier-injection} becomes {@code SqlIdentifierInjection}, the form SARIF viewers show. */
        String name() {
            StringBuilder sb = new StringBuilder();
            for (String word : id.split("-")) {
                if (!word.isEmpty()) {
                    sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            return sb.toString();
        }
    }

    static SarifRules of(ScanReport report, List<CheckDescriptor> catalogue) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (CheckDescriptor d : catalogue) {
            rules.putIfAbsent(d.id(), Rule.of(d));
        }
        Map<String, Category> unknown = new LinkedHashMap<>();
        for (CheckRun c : report.checks()) {
            if (!rules.containsKey(c.checkId())) {
                unknown.putIfAbsent(c.checkId(), c.category());
            }
        }
        for (Finding f : report.findings()) {
            if (!rules.containsKey(f.checkId())) {
                unknown.putIfAbsent(f.checkId(), f.category());
            }
        }
        unknown.forEach((id, category) -> rules.put(id, Rule.fromReport(id, category,
                report.findings().stream().filter(f -> f.checkId().equals(id)).toList())));
        List<Rule> list = new ArrayList<>(rules.values());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i).id(), i);
        }
        return new SarifRules(List.copyOf(list), Map.copyOf(index));
    }

    /**
     * GitHub's {@code security-severity}: a CVSS-like score from 0.0 to 10.0 that code scanning maps back to a
     * severity (9.0 and over critical, 7.0 high, 4.0 medium, 0.1 low; 0.0 is CVSS's "none", for informational).
     */
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
