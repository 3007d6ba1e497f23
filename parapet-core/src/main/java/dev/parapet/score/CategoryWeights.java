package dev.parapet.score;

import dev.parapet.model.Category;
import dev.parapet.model.ScanContext;

import java.util.EnumMap;
import java.util.Map;

/**
 * Category weights for the overall score (docs/scoring.md). Authentication weighs most: without it every other
 * control is moot. A scan context multiplies some weights: financial and medical APIs weigh data handling more,
 * public APIs abuse resistance, internal APIs the paths an insider or a pivot would use.
 */
public final class CategoryWeights {

    private static final Map<Category, Double> BASE = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.AUTHENTICATION, 15.0),
            Map.entry(Category.BOLA, 12.0),
            Map.entry(Category.BFLA, 10.0),
            Map.entry(Category.PROPERTY_AUTHORIZATION, 8.0),
            Map.entry(Category.INPUT_VALIDATION, 10.0),
            Map.entry(Category.RATE_LIMITING, 6.0),
            Map.entry(Category.DATA_EXPOSURE, 10.0),
            Map.entry(Category.ENCRYPTION, 8.0),
            Map.entry(Category.SSRF, 8.0),
            Map.entry(Category.INVENTORY, 5.0),
            Map.entry(Category.UNSAFE_CONSUMPTION, 4.0),
            Map.entry(Category.LLM_SECURITY, 4.0)));

    private CategoryWeights() {
    }

    public static Map<Category, Double> of(ScanContext context) {
        Map<Category, Double> w = new EnumMap<>(BASE);
        switch (context) {
            case FINANCIAL -> {
                w.compute(Category.AUTHENTICATION, (k, v) -> v * 1.5);
                w.compute(Category.BOLA, (k, v) -> v * 1.5);
                w.compute(Category.DATA_EXPOSURE, (k, v) -> v * 1.5);
                w.compute(Category.ENCRYPTION, (k, v) -> v * 1.5);
            }
            case MEDICAL -> {
                w.compute(Category.DATA_EXPOSURE, (k, v) -> v * 2.0);
                w.compute(Category.PROPERTY_AUTHORIZATION, (k, v) -> v * 1.5);
                w.compute(Category.BOLA, (k, v) -> v * 1.5);
                w.compute(Category.ENCRYPTION, (k, v) -> v * 1.5);
            }
            case PUBLIC -> {
                w.compute(Category.RATE_LIMITING, (k, v) -> v * 2.0);
                w.compute(Category.INVENTORY, (k, v) -> v * 1.5);
                w.compute(Category.INPUT_VALIDATION, (k, v) -> v * 1.5);
            }
            case INTERNAL -> {
                w.compute(Category.SSRF, (k, v) -> v * 1.5);
                w.compute(Category.BFLA, (k, v) -> v * 1.5);
                w.compute(Category.ENCRYPTION, (k, v) -> v * 0.5);
                w.compute(Category.RATE_LIMITING, (k, v) -> v * 0.5);
            }
            case DEFAULT -> {
                // base weights
            }
        }
        return w;
    }
}
