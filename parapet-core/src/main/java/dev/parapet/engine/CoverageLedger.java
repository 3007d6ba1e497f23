package dev.parapet.engine;

import dev.parapet.model.Coverage;
import dev.parapet.model.Exchange;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.Untested;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Surface;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who tested what, for the report's coverage: which checks tested each operation (sent it a probe, tested one of
 * its inputs, or judged its recorded answer) and, for every input point, which checks it was planned for and
 * which of them tested it, or why not. Keys are operation and input keys (strings), so recording is a hash update
 * whatever the surface's size. Thread-safe.
 */
final class CoverageLedger {

    private final Surface surface;
    private final SurfaceIndex index;
    private final Map<String, Set<String>> testedBy = new ConcurrentHashMap<>();
    private final Map<String, Untested> operationUntested = new ConcurrentHashMap<>();
    /** Input key → check id → empty when tested, the reason otherwise. */
    private final Map<String, Map<String, Optional<Untested>>> inputs = new ConcurrentHashMap<>();

    CoverageLedger(Surface surface, SurfaceIndex index) {
        this.surface = surface;
        this.index = index;
    }

    /** A probe a check sent (or had answered from the shared cache). */
    void probed(String checkId, ProbeRequest probe) {
        index.of(probe.method(), probe.uri()).ifPresent(op -> credit(checkId, op));
    }

    /** A check that judges recorded answers judged these. */
    void judged(String checkId, List<Exchange> recorded) {
        for (Exchange e : recorded) {
            if (e.answered()) {
                index.of(e.request().method(), e.request().uri()).ifPresent(op -> credit(checkId, op));
            }
        }
    }

    /** {@code point} was handed to {@code checkId}; until it is marked tested, it is untested for {@code reason}. */
    void planned(String checkId, InputPoint point, Untested reason) {
        inputs.computeIfAbsent(point.key(), k -> new ConcurrentHashMap<>()).put(checkId, Optional.of(reason));
    }

    void tested(String checkId, InputPoint point) {
        inputs.computeIfAbsent(point.key(), k -> new ConcurrentHashMap<>()).put(checkId, Optional.empty());
        credit(checkId, point.operation());
    }

    void untested(String checkId, InputPoint point, Untested reason) {
        inputs.computeIfAbsent(point.key(), k -> new ConcurrentHashMap<>()).put(checkId, Optional.of(reason));
    }

    /** Why an operation as a whole was left alone (mode, looks state-changing), when no check tests it. */
    void operationUntested(Operation op, Untested reason) {
        operationUntested.putIfAbsent(op.display(), reason);
    }

    private void credit(String checkId, Operation op) {
        testedBy.computeIfAbsent(op.display(), k -> ConcurrentHashMap.newKeySet()).add(checkId);
    }

    Coverage build() {
        Map<Operation, List<InputPoint>> byOp = surface.byOperation();
        List<OperationCoverage> details = new ArrayList<>(surface.operations().size());
        for (Operation op : surface.operations()) {
            List<InputPoint> points = byOp.getOrDefault(op, List.of());
            int tested = 0;
            List<String> untested = new ArrayList<>();
            Set<Untested> reasons = EnumSet.noneOf(Untested.class);
            for (InputPoint p : points) {
                Map<String, Optional<Untested>> byCheck = inputs.getOrDefault(p.key(), Map.of());
                Optional<Untested> why = byCheck.isEmpty() ? Optional.of(Untested.NO_CHECK)
                        : byCheck.values().stream().flatMap(Optional::stream).min(Enum::compareTo);
                if (why.isEmpty()) {
                    tested++;
                } else {
                    reasons.add(why.get());
                    untested.add(p.location().id() + " " + p.name() + ": " + why.get().label());
                }
            }
            Set<String> by = testedBy.getOrDefault(op.display(), Set.of());
            Optional<Untested> opReason = Optional.empty();
            if (by.isEmpty()) {
                opReason = Optional.ofNullable(operationUntested.get(op.display()))
                        .or(() -> reasons.stream().min(Enum::compareTo))
                        .or(() -> Optional.of(Untested.NO_CHECK));
            }
            details.add(new OperationCoverage(op.method(), op.path(), op.source(), new ArrayList<>(new TreeSet<>(by)),
                    opReason, points.size(), tested, untested));
        }
        return Coverage.of(details);
    }
}
