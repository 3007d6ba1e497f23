package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.CheckData;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Where the caller's own object lives and which of its properties a mass-assignment probe escalates. Data:
 * {@code targets.json}.
 *
 * @param ownObjectPaths paths relative to the target that serve the caller's own object
 * @param properties     privileged properties with the value that would escalate them
 */
record MassAssignmentTargets(List<String> ownObjectPaths, List<Property> properties) {

    /** A privileged property, its normalised name and the escalated value (a string or a boolean). */
    record Property(String name, JsonNode escalated) {
    }

    /** One property of a concrete object to escalate: its field name as served, current and escalated values. */
    record Escalation(String field, JsonNode original, JsonNode escalated) {
    }

    static MassAssignmentTargets load() {
        return CheckData.load("mass-assignment", "targets.json", MassAssignmentTargets.class);
    }

    /**
     * The first field of {@code object} that is a known privileged property of the same JSON type as its
     * escalated value and not already escalated.
     */
    Optional<Escalation> escalationFor(JsonNode object) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = object.get(field);
            for (Property p : properties) {
                if (PropertyNames.normal(field).equals(p.name()) && value.getNodeType() == p.escalated().getNodeType()
                        && !value.equals(p.escalated())) {
                    return Optional.of(new Escalation(field, value, p.escalated()));
                }
            }
        }
        return Optional.empty();
    }
}
