package dev.parapet.score;

import dev.parapet.model.AttackPath;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chains {@code container-escape} findings into one attack path per scan. Each such finding carries one stage tag
 * ({@code stage:entry} reaches inside — identifier injection, SSRF, traversal; {@code stage:credentials} yields
 * secrets — env dumps, connection strings; {@code stage:host} reveals or reaches the host — /proc, cgroups, admin
 * APIs). A path needs at least two findings; its severity is the worst step's, raised one level when it spans
 * two or more distinct stages, because together they do more than either alone. Findings without a stage tag are
 * steps (ordered last) but not stages. See docs/scoring.md.
 */
public final class AttackPaths {

    public static final String STAGE_ENTRY = "stage:entry";
    public static final String STAGE_CREDENTIALS = "stage:credentials";
    public static final String STAGE_HOST = "stage:host";

    private static final List<String> ORDER = List.of(STAGE_ENTRY, STAGE_CREDENTIALS, STAGE_HOST);

    private AttackPaths() {
    }

    public static List<AttackPath> build(List<Finding> findings) {
        List<Finding> tagged = new ArrayList<>(findings.stream()
                .filter(f -> f.tags().contains(Finding.TAG_CONTAINER_ESCAPE)).toList());
        if (tagged.size() < 2) {
            return List.of();
        }
        tagged.sort(Comparator.comparingInt(AttackPaths::stage)
                .thenComparing(Finding::severity, Comparator.reverseOrder())
                .thenComparing(Finding::fingerprint));
        // Only real stages count: a finding without a stage tag is a step of the path, not a stage of its own.
        long stages = tagged.stream().mapToInt(AttackPaths::stage).filter(s -> s < ORDER.size()).distinct().count();
        Severity worst = tagged.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.LOW);
        Severity severity = stages >= 2 && worst != Severity.CRITICAL ? Severity.values()[worst.ordinal() + 1] : worst;
        StringBuilder narrative = new StringBuilder();
        for (int i = 0; i < tagged.size(); i++) {
            Finding f = tagged.get(i);
            narrative.append(i + 1).append(". ").append(f.title()).append(" (").append(f.endpoint().display())
                    .append(")");
            if (i < tagged.size() - 1) {
                narrative.append(" → ");
            }
        }
        return List.of(new AttackPath("From the API towards the container's host", severity,
                tagged.stream().map(Finding::fingerprint).toList(), narrative.toString()));
    }

    private static int stage(Finding f) {
        for (int i = 0; i < ORDER.size(); i++) {
            if (f.tags().contains(ORDER.get(i))) {
                return i;
            }
        }
        return ORDER.size();
    }
}
