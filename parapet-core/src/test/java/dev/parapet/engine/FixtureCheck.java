package dev.parapet.engine;

import dev.parapet.model.Category;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;

import java.util.List;
import java.util.Set;

/** A test-only check whose behaviour is a lambda: lets each engine test script exactly what a check does. */
final class FixtureCheck implements Check {

    @FunctionalInterface
    interface Body {
        CheckOutcome run(CheckContext ctx, CheckDescriptor self) throws InterruptedException;
    }

    private final CheckDescriptor descriptor;
    private final Body body;

    FixtureCheck(String id, Category category, int budget, Body body) {
        this.descriptor = new CheckDescriptor(id, category, "fixture " + id, "a scripted check for engine tests",
                Severity.MEDIUM, List.of(200), budget, Set.of(), "none");
        this.body = body;
    }

    static FixtureCheck of(String id, Body body) {
        return new FixtureCheck(id, Category.INPUT_VALIDATION, 50, body);
    }

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        return body.run(ctx, descriptor);
    }
}
