package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Untested;
import dev.parapet.spi.Check;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.Surface;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which input points each input check gets, in which order, under the scan's request budget, decided once before
 * any check runs, from the surface and the configuration alone, so two scans with the same {@code --seed} plan the
 * same work.
 *
 * <p>Order: operations in an order fixed by the seed (a hash of seed and operation, never the order a document or a
 * crawl listed them), inputs round-robin across them: every operation's first input, then every second one…, so
 * a budget that runs out leaves untested inputs spread over the API rather than whole operations at its end.
 *
 * <p>Budget: what discovery and the spec stage left of {@link ScanConfig#requestBudget()} is reserved first for
 * every check's own request budget (its work outside input points); the rest goes to input checks in proportion to
 * their demand (points × screen cost, plus confirmations for a share of them: all of the first eight, a quarter of
 * the rest). When demand exceeds it, each check gets the same fraction of its points, first in the order above;
 * the others are untested for {@link Untested#BUDGET}.
 *
 * <p>Mode: safe mode tests only inputs of read-only operations outside bodies, never an operation that looks
 * state-changing; passive mode tests none; active mode tests every input but DELETE operations unless allowed.
 */
final class InputPlan {

    /** One input check's share. */
    record Allotment(List<InputPoint> points, List<Excluded> excluded, int eligible, int screenPool,
                     int confirmPool) {
        Allotment {
            points = List.copyOf(points);
            excluded = List.copyOf(excluded);
        }
    }

    /** A point the check applies to but will not test, and why. */
    record Excluded(InputPoint point, Untested reason) {
    }

    private final Map<String, Allotment> byCheck;

    private InputPlan(Map<String, Allotment> byCheck) {
        this.byCheck = byCheck;
    }

    Optional<Allotment> of(Check check) {
        return Optional.ofNullable(byCheck.get(check.descriptor().id()));
    }

    /** Confirmations a check gets for {@code points} screened points: all of the first eight, a quarter after. */
    static int confirmations(int points) {
        return points <= 8 ? points : 8 + (points - 8 + 3) / 4;
    }

    static InputPlan plan(List<Check> checks, Surface surface, ScanConfig config, long available) {
        List<InputPoint> ordered = order(surface, config.seed());
        long fixed = 0;
        for (Check c : checks) {
            fixed += c.descriptor().requestBudget();
        }
        long forInputs = Math.max(0, available - fixed);
        Map<String, List<InputPoint>> eligible = new LinkedHashMap<>();
        Map<String, List<Excluded>> excluded = new HashMap<>();
        long demand = 0;
        for (Check c : checks) {
            if (!(c instanceof InputCheck<?> ic)) {
                continue;
            }
            List<InputPoint> mine = new ArrayList<>();
            List<Excluded> out = new ArrayList<>();
            for (InputPoint p : ordered) {
                if (!ic.appliesTo(p)) {
                    continue;
                }
                Optional<Untested> why = excludedByMode(p, config);
                if (why.isPresent()) {
                    out.add(new Excluded(p, why.get()));
                } else {
                    mine.add(p);
                }
            }
            eligible.put(c.descriptor().id(), mine);
            excluded.put(c.descriptor().id(), out);
            demand += cost(ic, mine.size());
        }
        double fraction = demand <= forInputs ? 1.0 : (double) forInputs / demand;
        Map<String, Allotment> byCheck = new HashMap<>();
        for (Check c : checks) {
            if (!(c instanceof InputCheck<?> ic)) {
                continue;
            }
            String id = c.descriptor().id();
            List<InputPoint> mine = eligible.get(id);
            int allotted = fraction >= 1.0 ? mine.size() : (int) Math.floor(mine.size() * fraction);
            List<Excluded> out = new ArrayList<>(excluded.get(id));
            for (InputPoint p : mine.subList(allotted, mine.size())) {
                out.add(new Excluded(p, Untested.BUDGET));
            }
            byCheck.put(id, new Allotment(mine.subList(0, allotted), out, mine.size(),
                    allotted * Math.max(1, ic.screenCost()), confirmations(allotted) * Math.max(0, ic.confirmCost())));
        }
        return new InputPlan(byCheck);
    }

    private static long cost(InputCheck<?> ic, int points) {
        return (long) points * Math.max(1, ic.screenCost()) + (long) confirmations(points) * Math.max(0,
                ic.confirmCost());
    }

    static Optional<Untested> excludedByMode(InputPoint p, ScanConfig config) {
        Operation op = p.operation();
        return switch (config.mode()) {
            case PASSIVE -> Optional.of(Untested.MODE);
            case SAFE -> p.location().inBody() || !op.readOnlyMethod() ? Optional.of(Untested.MODE)
                    : op.changesState().isPresent() ? Optional.of(Untested.STATE_CHANGING) : Optional.empty();
            case ACTIVE -> op.method().equals("DELETE") && !config.allowDelete() ? Optional.of(Untested.MODE)
                    : Optional.empty();
        };
    }

    /** Every input point, operations in the seed's order, inputs round-robin across them. */
    static List<InputPoint> order(Surface surface, long seed) {
        Map<Operation, List<InputPoint>> byOp = surface.byOperation();
        List<Operation> ops = new ArrayList<>(byOp.keySet());
        Map<Operation, Long> rank = new HashMap<>();
        for (Operation op : ops) {
            rank.put(op, mix(seed, op.display()));
        }
        ops.sort(Comparator.comparingLong((Operation o) -> rank.get(o)).thenComparing(Operation::display));
        List<InputPoint> out = new ArrayList<>(surface.inputs().size());
        for (int round = 0; out.size() < surface.inputs().size(); round++) {
            for (Operation op : ops) {
                List<InputPoint> points = byOp.get(op);
                if (round < points.size()) {
                    out.add(points.get(round));
                }
            }
        }
        return out;
    }

    /** A well-mixed 64-bit hash of the seed and a key (FNV-1a, then a SplitMix64 finaliser). */
    static long mix(long seed, String key) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
