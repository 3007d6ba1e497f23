package dev.parapet.checks.llm;

import dev.parapet.checks.llm.PromptInjectionProbes.Technique;
import dev.parapet.checks.support.CheckData;
import dev.parapet.model.Severity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code llm-prompt-injection} reports each technique, loaded from
 * {@code checks/llm-prompt-injection/techniques.json}: every technique must be described. Immutable.
 */
record PromptInjectionTechniques(Map<Technique, Report> techniques) {

    /** Severity, title (with {@code %s} for the endpoint's path) and remediation of one technique's finding. */
    record Report(Severity severity, String title, String remediation) {
        Report {
            Objects.requireNonNull(severity, "severity");
            if (!title.contains("%s")) {
                throw new IllegalArgumentException("a title names the endpoint with %s: " + title);
            }
            Objects.requireNonNull(remediation, "remediation");
        }
    }

    PromptInjectionTechniques {
        techniques = new EnumMap<>(techniques);
        for (Technique t : Technique.values()) {
            if (!techniques.containsKey(t)) {
                throw new IllegalArgumentException("technique " + t + " has no report");
            }
        }
    }

    static PromptInjectionTechniques load() {
        return CheckData.load("llm-prompt-injection", "techniques.json", PromptInjectionTechniques.class);
    }

    Report of(Technique t) {
        return techniques.get(t);
    }
}
