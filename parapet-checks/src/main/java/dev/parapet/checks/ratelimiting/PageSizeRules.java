package dev.parapet.checks.ratelimiting;

import dev.parapet.checks.support.CheckData;

import java.util.List;

/**
 * The page-size parameters tried and the bounds judged by {@code unbounded-page-size}, loaded from
 * {@code checks/unbounded-page-size/parameters.json}. Sizes are element counts; {@code oversizedBytes} is in bytes.
 */
public record PageSizeRules(List<String> pageSizeParameters, int requestedSize, int saneMaximum, long oversizedBytes,
                            int oversizedElements) {

    public PageSizeRules {
        pageSizeParameters = List.copyOf(pageSizeParameters);
        if (pageSizeParameters.isEmpty() || requestedSize <= saneMaximum || saneMaximum <= 0) {
            throw new IllegalArgumentException("need parameters and a requested size above a positive sane maximum");
        }
    }

    static PageSizeRules load() {
        return CheckData.load("unbounded-page-size", "parameters.json", PageSizeRules.class);
    }
}
