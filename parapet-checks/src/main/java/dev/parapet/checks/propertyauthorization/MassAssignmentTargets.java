package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.checks.support.CheckData;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the caller's own object lives and which properties a mass-assignment probe escalates, and how. Data:
 * {@code targets.json}. Immutable.
 *
 * @param ownObjectPaths paths relative to the target that serve the caller's own object
 * @param properties     privileged properties with the value that would escalate them
 */
record MassAssignmentTargets(List<String> ownObjectPaths, List<Property> properties) {

    /** Objects nested deeper than this are not searched for privileged fields. */
    private static final int MAX_DEPTH = 3;

    /**
     * A privileged property: its normalised name, what a create sends, the escalated value (a string, boolean,
     * number or array), and whether only a create may send it.
     */
    record Property(String name, List<String> spellings, JsonNode escalated, boolean createOnly) {
        Property {
            spellings = List.copyOf(spellings);
        }

        /** Whether {@code value} is the escalated value: equal, the same text in any case, or an array holding it. */
        boolean escalatedIn(JsonNode value) {
            if (value == null || value.isMissingNode()) {
                return false;
            }
            if (value.equals(escalated) || value.isTextual() && escalated.isTextual()
                    && value.asText().equalsIgnoreCase(escalated.asText())) {
                return true;
            }
            if (value.isArray() && escalated.isArray()) {
                for (JsonNode wanted : escalated) {
                    boolean held = false;
                    for (JsonNode v : value) {
                        held |= v.asText().equalsIgnoreCase(wanted.asText());
                    }
                    if (!held) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /** One property of a concrete object to escalate: its pointer, current and escalated values. */
    record Escalation(String pointer, String field, JsonNode original, JsonNode escalated) {
    }

    static MassAssignmentTargets load() {
        return CheckData.load("mass-assignment", "targets.json", MassAssignmentTargets.class);
    }

    /** The property a field name is, compared case- and separator-insensitively. */
    Optional<Property> property(String field) {
        String n = PropertyNames.normal(field);
        return properties.stream().filter(p -> p.name().equals(n)).findFirst();
    }

    /**
     * The fields of {@code object} (nested objects included) that are privileged properties an update may
     * escalate: of the escalated value's JSON type, and not escalated already.
     */
    List<Escalation> escalationsIn(ObjectNode object) {
        List<Escalation> out = new ArrayList<>();
        walk(object, "", 0, out);
        return out;
    }

    private void walk(ObjectNode node, String at, int depth, List<Escalation> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String pointer = at + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = f.getValue();
            if (value instanceof ObjectNode inner && depth < MAX_DEPTH) {
                walk(inner, pointer, depth + 1, out);
                continue;
            }
            property(f.getKey()).filter(p -> !p.createOnly())
                    .filter(p -> value.getNodeType() == p.escalated().getNodeType() && !p.escalatedIn(value))
                    .ifPresent(p -> out.add(new Escalation(pointer, f.getKey(), value, p.escalated())));
        }
    }

    /** The first field of {@code object} an update may escalate, for the own-object probe. */
    Optional<Escalation> escalationFor(JsonNode object) {
        return object instanceof ObjectNode o ? escalationsIn(o).stream().filter(e -> e.pointer().lastIndexOf('/') == 0)
                .findFirst() : Optional.empty();
    }
}
