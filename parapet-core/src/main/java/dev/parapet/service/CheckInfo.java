package dev.parapet.service;

import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;

/**
 * What listings show of a check: its descriptor and, for a check that tests inputs, the most probes it spends on one
 * input point (screen and confirmation together), which its budget grows by per point it is handed.
 */
public record CheckInfo(CheckDescriptor descriptor, int perInputBudget) {

    static CheckInfo of(Check c) {
        return new CheckInfo(c.descriptor(), c instanceof InputCheck<?> ic
                ? Math.max(1, ic.screenCost()) + Math.max(0, ic.confirmCost()) : 0);
    }

    /** {@code 40}, {@code 0 + 15/input}: the budget as listings print it. */
    public String budgetText() {
        return perInputBudget == 0 ? Integer.toString(descriptor.requestBudget())
                : descriptor.requestBudget() + " + " + perInputBudget + "/input";
    }
}
