package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.AccessControlFixtures;
import dev.parapet.testkit.fixtures.PasswordExposureFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void flagsAPasswordBesideAUserNameCriticalOtherCredentialsHighAndInternalNotesLow() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).extracting(Finding::title, Finding::severity).containsExactlyInAnyOrder(
                    tuple("Response of GET /api/profile carries plaintext passwords of 1 account", Severity.CRITICAL),
                    tuple("Response of GET /api/profile carries credential properties [salt, api_key]", Severity.HIGH),
                    tuple("Response of GET /api/profile carries internal properties [internal_notes]", Severity.LOW));
            assertThat(findings).allSatisfy(f -> assertThat(f.evidence())
                    .doesNotContain("Summer2026!", "k_4f9a8b7c6d5e4f3a"));
        }
    }

    @Test
    void reportsEveryUsersPlaintextPasswordCriticalAlthoughTheSpecDeclaresTheProperty() throws IOException {
        try (LoopbackHttpServer server = PasswordExposureFixtures.accounts(true)) {
            Finding f = scan(server).findings().stream().filter(x -> x.endpoint().uri().getPath().equals("/debug/users"))
                    .findFirst().orElseThrow();
            assertThat(f.title()).isEqualTo("Response of GET /debug/users carries plaintext passwords of 3 accounts");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.evidence()).contains("beside username in 3 records", "password: ",
                    "declared in the API description (password), served all the same").doesNotContain("Tr0ub4dor");
        }
    }

    @Test
    void reportsUnsaltedDigestsInAPasswordPropertyAsPasswordHashes() throws IOException {
        try (LoopbackHttpServer server = PasswordExposureFixtures.accounts(true)) {
            assertThat(scan(server).findings()).filteredOn(x -> x.endpoint().uri().getPath().equals("/legacy/export"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.title()).isEqualTo("Response of GET /legacy/export carries password hashes [password]");
                        assertThat(f.severity()).isEqualTo(Severity.HIGH);
                        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                    });
        }
    }

    @Test
    void staysQuietOnADeclaredPasswordPropertyServedMasked() throws IOException {
        try (LoopbackHttpServer server = PasswordExposureFixtures.accounts(false)) {
            assertThat(scan(server).findings()).isEmpty();
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

    @Test
    void readsPwdHoldingAnAbsolutePathAsTheWorkingDirectoryNotAPassword() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.builder()
                .route("GET", "/", r -> dev.parapet.demo.LoopbackHttpServer.Response.json(200, "{\"debug\":\"/debug\"}"))
                .route("GET", "/debug", r -> dev.parapet.demo.LoopbackHttpServer.Response.json(200,
                        "{\"environ\":{\"PWD\":\"/srv/app\",\"OLDPWD\":\"C:\\\\Users\\\\app\",\"HOME\":\"/root\"},"
                                + "\"user\":{\"username\":\"alice\",\"pwd\":\"Summer2026!\"}}"))
                .start()) {
            assertThat(scan(server).findings()).extracting(Finding::title)
                    .containsExactly("Response of GET /debug carries plaintext passwords of 1 account");
        }
    }
}
