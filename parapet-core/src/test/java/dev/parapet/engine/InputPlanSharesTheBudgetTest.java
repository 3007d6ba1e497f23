package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.Category;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.model.Untested;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Surface;
import dev.parapet.spi.ValueShape;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InputPlanSharesTheBudgetTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:9/");

    private static final class TakesAll implements InputCheck<String> {
        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor("takes-all", Category.INPUT_VALIDATION, "t", "t", Severity.LOW, List.of(20), 10,
                    Set.of(), "r");
        }

        @Override
        public boolean appliesTo(InputPoint point) {
            return true;
        }

        @Override
        public int screenCost() {
            return 2;
        }

        @Override
        public int confirmCost() {
            return 4;
        }

        @Override
        public Optional<String> screen(CheckContext ctx, InputPoint point) {
            return Optional.empty();
        }

        @Override
        public List<Finding> confirm(CheckContext ctx, InputPoint point, String signal) {
            return List.of();
        }
    }

    /** {@code ops} operations, each with {@code inputs} query parameters, in path order. */
    private static Surface surface(int ops, int inputs) {
        List<Operation> operations = new ArrayList<>();
        List<InputPoint> points = new ArrayList<>();
        for (int o = 0; o < ops; o++) {
            URI uri = TARGET.resolve("/op" + o);
            Operation op = new Operation("GET", "/op" + o, ProbeRequest.get(uri), Endpoint.Source.SPEC,
                    Optional.empty(), Optional.empty());
            operations.add(op);
            for (int i = 0; i < inputs; i++) {
                points.add(new InputPoint(op, InputLocation.QUERY, "p" + i, "p" + i, "1", List.of(), "", "", "",
                        false, Set.of(ValueShape.FREE_TEXT), Endpoint.Source.SPEC));
            }
        }
        return new Surface(operations, points);
    }

    @Test
    void givesEveryPointWhenTheBudgetAllows() {
        InputPlan plan = InputPlan.plan(List.of(new TakesAll()), surface(10, 2), ScanConfig.defaults(TARGET), 10_000);
        InputPlan.Allotment a = plan.of(new TakesAll()).orElseThrow();
        assertThat(a.points()).hasSize(20);
        assertThat(a.screenPool()).isEqualTo(40);
        assertThat(a.confirmPool()).isEqualTo(InputPlan.confirmations(20) * 4);
        assertThat(a.excluded()).isEmpty();
    }

    @Test
    void spreadsAShortBudgetAcrossOperationsRoundRobin() {
        Surface s = surface(10, 3);
        InputPlan plan = InputPlan.plan(List.of(new TakesAll()), s, ScanConfig.defaults(TARGET), 10 + 60);
        InputPlan.Allotment a = plan.of(new TakesAll()).orElseThrow();
        assertThat(a.points().size()).isLessThan(30).isPositive();
        assertThat(a.points()).extracting(InputPoint::name).as("every operation's first input comes first")
                .startsWith("p0", "p0", "p0");
        assertThat(a.points().stream().map(p -> p.operation().path()).distinct().count()).isEqualTo(10);
        assertThat(a.excluded()).allMatch(x -> x.reason() == Untested.BUDGET);
        assertThat(a.points().size() + a.excluded().size()).isEqualTo(30);
    }

    @Test
    void ordersOperationsBySeedNotByDocumentOrder() {
        Surface s = surface(50, 1);
        List<String> seed1 = InputPlan.order(s, 1).stream().map(p -> p.operation().path()).toList();
        List<String> seed1Again = InputPlan.order(s, 1).stream().map(p -> p.operation().path()).toList();
        List<String> seed2 = InputPlan.order(s, 2).stream().map(p -> p.operation().path()).toList();
        assertThat(seed1).isEqualTo(seed1Again).isNotEqualTo(seed2);
        assertThat(seed1).isNotEqualTo(s.operations().stream().map(Operation::path).toList());
    }

    @Test
    void passiveModeTestsNoInputAndSafeModeNoBody() {
        Surface s = surface(2, 1);
        InputPlan passive = InputPlan.plan(List.of(new TakesAll()), s,
                ScanConfig.defaults(TARGET).withMode(ScanMode.PASSIVE, ""), 10_000);
        assertThat(passive.of(new TakesAll()).orElseThrow().points()).isEmpty();
        assertThat(passive.of(new TakesAll()).orElseThrow().excluded()).allMatch(x -> x.reason() == Untested.MODE);
    }
}
