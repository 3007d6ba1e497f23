package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Verdict;

/**
 * The report's {@code verdict} object (schema 1.3): {@code state} {@code graded} or {@code not-graded}, and for the
 * latter {@code reason} (a stable id), {@code detail} and {@code advice}.
 */
final class JsonVerdict {

    private JsonVerdict() {
    }

    static ObjectNode write(Verdict v) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        node.put("state", v.state().id());
        if (!v.graded()) {
            node.put("reason", v.reason().id());
            node.put("detail", v.detail());
            node.put("advice", v.advice());
        }
        return node;
    }

    /** Null (the report then infers its verdict) when the report predates schema 1.3. */
    static Verdict read(JsonNodes n) {
        if (n == null) {
            return null;
        }
        String state = n.text("state");
        if (state.equals(Verdict.State.GRADED.id())) {
            return Verdict.GRADED;
        }
        if (!state.equals(Verdict.State.NOT_GRADED.id())) {
            throw new IllegalArgumentException("verdict.state: '" + state + "' is neither graded nor not-graded");
        }
        return Verdict.notGraded(Verdict.Reason.ofId(n.text("reason")), n.text("detail"), n.text("advice"));
    }
}
