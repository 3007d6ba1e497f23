package dev.parapet.spi;

import dev.parapet.model.Category;
import dev.parapet.model.Reference;
import dev.parapet.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a check is, for listings, reports and contract tests. {@code id} is stable, lower-case and hyphenated.
 * {@code requestBudget} is the most probes the check may ask for in one scan; the engine refuses any beyond it.
 * {@code defaultSeverity} is the severity of its typical finding (individual findings may differ).
 */
public record CheckDescriptor(String id, Category category, String title, String summary, Severity defaultSeverity,
                              List<Integer> cwe, int requestBudget, Set<String> tags, String remediation) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public CheckDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id must be lower-case words joined by hyphens: " + id);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        cwe = List.copyOf(cwe);
        if (requestBudget < 0) {
            throw new IllegalArgumentException("requestBudget must not be negative");
        }
        tags = Set.copyOf(tags);
        Objects.requireNonNull(remediation, "remediation");
    }

    /** OWASP API Top 10 entry of the category, then the CWEs. */
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        if (!category.owaspApi().isEmpty()) {
            refs.add(Reference.owaspApi(category.owaspApi()));
        }
        cwe.forEach(n -> refs.add(Reference.cwe(n)));
        return refs;
    }
}
