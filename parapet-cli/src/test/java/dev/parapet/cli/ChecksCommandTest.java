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
