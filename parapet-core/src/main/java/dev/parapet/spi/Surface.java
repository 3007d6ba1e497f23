package dev.parapet.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan's attack surface: every operation it knows how to call and every input of each, built once by the
 * engine from the API description, discovery's answers, HTML forms, scripts and mined parameters, and shared by
 * every check. Operations are in a fixed order (sorted by method and path), never in the order a document or a
 * crawl happened to list them. Immutable.
 */
public record Surface(List<Operation> operations, List<InputPoint> inputs) {

    public static final Surface EMPTY = new Surface(List.of(), List.of());

    public Surface {
        operations = List.copyOf(operations);
        inputs = List.copyOf(inputs);
    }

    /** The inputs of {@code op}, in the surface's order. Linear in the surface: use {@link #byOperation} for many. */
    public List<InputPoint> inputsOf(Operation op) {
        List<InputPoint> out = new ArrayList<>();
        for (InputPoint p : inputs) {
            if (p.operation().equals(op)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Inputs grouped by their operation, operations in the surface's order. */
    public Map<Operation, List<InputPoint>> byOperation() {
        Map<Operation, List<InputPoint>> out = new LinkedHashMap<>();
        for (InputPoint p : inputs) {
            out.computeIfAbsent(p.operation(), k -> new ArrayList<>()).add(p);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return out;
    }
}
