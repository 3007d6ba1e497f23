package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SensitivePropertyExposureCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SensitivePropertyExposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return AccessControlFixtures.profileLeaks(true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return AccessControlFixtures.profileLeaks(false);
    }

    @Test
    void flagsCredentialPropertiesHighAndInternalNotesLow() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).extracting(Finding::title).containsExactlyInAnyOrder(
                    "Response of GET /api/profile carries credential properties [password, salt, api_key]",
                    "Response of GET /api/profile carries internal properties [internal_notes]");
            assertThat(findings).filteredOn(f -> f.title().contains("credential")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.HIGH);
                        assertThat(f.evidence()).doesNotContain("Summer2026!", "k_4f9a8b7c6d5e4f3a");
                    });
        }
    }

    @Test
    void leavesBcryptHashesToSecretExposureAndLoginTokensAlone() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            assertThat(scan(server).findings()).noneMatch(f -> f.endpoint().uri().getPath().equals("/api/customers")
                    || f.endpoint().uri().getPath().equals("/api/login"));
        }
        assertThat(SensitiveProperties.reportedElsewhere("password_hash",
                "$2b$12$EgOYyYSABNP2DAjtezOPWa.gCzdANhnZqy.yCltllHVIgxXK/QNZM")).isTrue();
        assertThat(SensitiveProperties.reportedElsewhere("ssn", "123-45-6789")).isTrue();
        assertThat(SensitiveProperties.reportedElsewhere("password", "Summer2026!")).isFalse();
    }

    @Test
    void treatsMasksAndPlaceholdersAsNoValue() {
        SensitiveProperties names = SensitiveProperties.load();
        assertThat(names.notAValue().matcher("********").matches()).isTrue();
        assertThat(names.notAValue().matcher("[redacted]").matches()).isTrue();
        assertThat(names.notAValue().matcher("Summer2026!").matches()).isFalse();
    }
}
