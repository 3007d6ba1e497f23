package dev.parapet.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the attack surface a scan tested: operations and input points known, and those tested, with the
 * reason for each one left untested. An operation counts as tested when at least one check tested it; an input
 * point when every check that applies to it tested it.
 *
 * @param operations       operations in the surface
 * @param operationsTested those at least one check tested
 * @param inputs           input points in the surface
 * @param inputsTested     those every applicable check tested
 * @param details          one entry per operation, in the surface's order
 */
public record Coverage(int operations, int operationsTested, int inputs, int inputsTested,
                       List<OperationCoverage> details) {

    /** A scan that built no surface (older reports, scans that never got past the first request). */
    public static final Coverage NONE = new Coverage(0, 0, 0, 0, List.of());

    public Coverage {
        details = List.copyOf(details);
    }

    public static Coverage of(List<OperationCoverage> details) {
        int tested = 0;
        int inputs = 0;
        int inputsTested = 0;
        for (OperationCoverage d : details) {
            tested += d.tested() ? 1 : 0;
            inputs += d.inputs();
            inputsTested += d.inputsTested();
        }
        return new Coverage(details.size(), tested, inputs, inputsTested, details);
    }

    public boolean present() {
        return operations > 0;
    }

    /** Operations tested ÷ known, in percent rounded down (100 only when all were); 0 with none known. */
    public int operationsPercent() {
        return percent(operationsTested, operations);
    }

    /** Input points tested ÷ known, in percent rounded down; 100 when there are none. */
    public int inputsPercent() {
        return inputs == 0 ? 100 : percent(inputsTested, inputs);
    }

    /** Untested operations counted by reason. */
    public Map<Untested, Integer> untestedByReason() {
        Map<Untested, Integer> out = new EnumMap<>(Untested.class);
        for (OperationCoverage d : details) {
            d.untested().ifPresent(u -> out.merge(u, 1, Integer::sum));
        }
        return out;
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.floor(100.0 * part / whole);
    }
}
