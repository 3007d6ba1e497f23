package dev.parapet.model;

import java.util.List;

/**
 * A chain of findings tagged {@code container-escape} on one target that together lead from the API towards the
 * host. {@code steps} are finding fingerprints in the order an attacker would use them.
 */
public record AttackPath(String title, Severity severity, List<String> steps, String narrative) {
    public AttackPath {
        steps = List.copyOf(steps);
    }
}
