package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Coverage;
import dev.parapet.model.Endpoint;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.Untested;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's {@code coverage} object (schema 1.2): operations and input points known and tested, percentages,
 * untested operations counted by reason, and one entry per operation. Reports written before 1.2 have none and
 * read as {@link Coverage#NONE}.
 */
final class JsonCoverage {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonCoverage() {
    }

    static ObjectNode write(Coverage c) {
        ObjectNode node = NODES.objectNode();
        node.put("operations", c.operations());
        node.put("operationsTested", c.operationsTested());
        node.put("operationsPercent", c.operationsPercent());
        node.put("inputs", c.inputs());
        node.put("inputsTested", c.inputsTested());
        node.put("inputsPercent", c.inputsPercent());
        ObjectNode untested = node.putObject("operationsUntested");
        for (Map.Entry<Untested, Integer> e : c.untestedByReason().entrySet()) {
            untested.put(JsonIds.of(e.getKey()), e.getValue());
        }
        ArrayNode details = node.putArray("details");
        for (OperationCoverage d : c.details()) {
            ObjectNode o = details.addObject();
            o.put("method", d.method());
            o.put("path", d.path());
            o.put("source", JsonIds.of(d.source()));
            ArrayNode by = o.putArray("testedBy");
            d.testedBy().forEach(by::add);
            if (d.untested().isPresent()) {
                o.put("untested", JsonIds.of(d.untested().get()));
            } else {
                o.putNull("untested");
            }
            o.put("inputs", d.inputs());
            o.put("inputsTested", d.inputsTested());
            ArrayNode ui = o.putArray("untestedInputs");
            d.untestedInputs().forEach(ui::add);
        }
        return node;
    }

    static Coverage read(JsonNodes n) {
        if (n == null) {
            return Coverage.NONE;
        }
        List<OperationCoverage> details = new ArrayList<>();
        for (JsonNodes o : n.objects("details")) {
            String untested = o.has("untested") && !o.isNull("untested") ? o.text("untested") : "";
            details.add(new OperationCoverage(o.text("method"), o.text("path"),
                    o.id("source", Endpoint.Source.class, JsonIds::of), o.texts("testedBy"),
                    untested.isEmpty() ? Optional.empty() : Optional.of(JsonIds.untested(untested)),
                    o.integer("inputs"), o.integer("inputsTested"), o.texts("untestedInputs")));
        }
        return new Coverage(n.integer("operations"), n.integer("operationsTested"), n.integer("inputs"),
                n.integer("inputsTested"), details);
    }
}
