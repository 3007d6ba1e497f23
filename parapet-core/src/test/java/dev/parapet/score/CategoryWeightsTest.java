package dev.parapet.score;

import dev.parapet.model.Category;
import dev.parapet.model.ScanContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Encodes the weight table of docs/scoring.md section 3, row by row. */
class CategoryWeightsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // category,              default, financial, medical, public, internal
            "AUTHENTICATION,            15,   22.5, 15, 15,  15",
            "BOLA,                      12,   18,   18, 12,  12",
            "BFLA,                      10,   10,   10, 10,  15",
            "PROPERTY_AUTHORIZATION,     8,    8,   12,  8,   8",
            "INPUT_VALIDATION,          10,   10,   10, 15,  10",
            "RATE_LIMITING,              6,    6,    6, 12,   3",
            "DATA_EXPOSURE,             10,   15,   20, 10,  10",
            "ENCRYPTION,                 8,   12,   12,  8,   4",
            "SSRF,                       8,    8,    8,  8,  12",
            "INVENTORY,                  5,    5,    5,  7.5, 5",
            "UNSAFE_CONSUMPTION,         4,    4,    4,  4,   4",
            "LLM_SECURITY,               4,    4,    4,  4,   4",
    })
    void weighsEachCategoryAsTheDocsTableSays(Category category, double byDefault, double financial, double medical,
                                              double publicApi, double internal) {
        assertThat(CategoryWeights.of(ScanContext.DEFAULT).get(category)).isEqualTo(byDefault);
        assertThat(CategoryWeights.of(ScanContext.FINANCIAL).get(category)).isEqualTo(financial);
        assertThat(CategoryWeights.of(ScanContext.MEDICAL).get(category)).isEqualTo(medical);
        assertThat(CategoryWeights.of(ScanContext.PUBLIC).get(category)).isEqualTo(publicApi);
        assertThat(CategoryWeights.of(ScanContext.INTERNAL).get(category)).isEqualTo(internal);
    }

    @ParameterizedTest
    @EnumSource(ScanContext.class)
    void everyContextWeighsEveryCategoryPositively(ScanContext context) {
        Map<Category, Double> w = CategoryWeights.of(context);
        assertThat(w.keySet()).containsExactlyInAnyOrder(Category.values());
        assertThat(w.values()).allMatch(v -> v > 0);
    }

    @org.junit.jupiter.api.Test
    void defaultWeightsSumToOneHundredWithAuthenticationHeaviest() {
        Map<Category, Double> w = CategoryWeights.of(ScanContext.DEFAULT);
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(100.0);
        assertThat(w.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
                .isEqualTo(Category.AUTHENTICATION);
    }
}
