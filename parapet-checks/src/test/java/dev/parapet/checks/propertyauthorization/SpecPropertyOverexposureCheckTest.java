package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.SpecFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecPropertyOverexposureCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SpecPropertyOverexposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SpecFixtures.driftingApi();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SpecFixtures.faithfulApi();
    }

    @Test
    void reportsUndeclaredSensitiveAndWritablePrivilegedProperties() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).extracting(Finding::title).containsExactlyInAnyOrder(
                    "Response of GET /orders carries properties its schema does not declare",
                    "Response schema of GET /orders declares sensitive properties",
                    "Request schema of POST /orders lets clients write privileged properties");
            Finding undeclared = findings.stream().filter(f -> f.title().startsWith("Response of")).findFirst()
                    .orElseThrow();
            assertThat(undeclared.evidence()).contains("customerEmail", "internalNote").doesNotContain("ann@");
            assertThat(undeclared.severity()).isEqualTo(Severity.MEDIUM);
        }
    }

    @Test
    void comparesNamesIgnoringCaseAndSeparators() {
        PropertyNames names = PropertyNames.load();
        assertThat(names.privileged("is_admin")).isTrue();
        assertThat(names.privileged("IsAdmin")).isTrue();
        assertThat(names.sensitive("password_hash")).isTrue();
        assertThat(names.sensitive("name")).isFalse();
        assertThat(names.privileged("productId")).isFalse();
    }
}
