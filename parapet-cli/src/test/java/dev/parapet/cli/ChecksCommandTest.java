package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksCommandTest {

    @Test
    void listsEveryCheckWithCategorySeverityReferencesAndBudget() {
        CliRun run = CliRun.of("checks");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ID").contains("CATEGORY").contains("SEVERITY").contains("BUDGET")
                .contains("REFERENCES");
        for (String id : new String[]{"plain-http", "cors-misconfiguration", "secret-exposure", "server-fingerprint",
                "security-headers"}) {
            assertThat(run.out()).contains(id);
        }
        assertThat(run.out()).contains("OWASP API").contains("CWE-");
    }

    @Test
    void alignsEveryColumnWhateverTheLengthOfTheLongestId() {
        java.util.List<String> rows = CliRun.of("checks").out().lines().takeWhile(l -> !l.isBlank()).toList();
        int category = rows.getFirst().indexOf("CATEGORY");
        int severity = rows.getFirst().indexOf("SEVERITY");
        int longestId = rows.stream().skip(1).mapToInt(l -> l.indexOf(' ')).max().orElseThrow();
        assertThat(category).isEqualTo(longestId + 2);
        for (String row : rows.subList(1, rows.size())) {
            assertThat(row.charAt(category - 1)).as(row).isEqualTo(' ');
            assertThat(row.charAt(category)).as(row).isNotEqualTo(' ');
            assertThat(row.charAt(severity)).as(row).isNotEqualTo(' ');
            assertThat(row.charAt(severity - 1)).as(row).isEqualTo(' ');
        }
    }

    @Test
    void jsonListingCarriesTheSameFields() throws Exception {
        CliRun run = CliRun.of("checks", "--format", "json");
        JsonNode checks = new ObjectMapper().readTree(run.out());
        assertThat(checks.isArray()).isTrue();
        assertThat(checks.size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : checks) {
            assertThat(c.path("id").asText()).isNotBlank();
            assertThat(c.path("category").asText()).isNotBlank();
            assertThat(c.path("requestBudget").asInt() + c.path("perInputBudget").asInt())
                    .as("%s spends something: its own budget or one per input", c.path("id").asText()).isPositive();
            assertThat(c.path("references").size()).isPositive();
        }
    }
}
