package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.RegistrationFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeakPasswordAcceptedCheckTest extends CheckContractTest {

    private RegistrationFixtures fixtures = new RegistrationFixtures();

    @Override
    protected Check check() {
        return new WeakPasswordAcceptedCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        fixtures = new RegistrationFixtures();
        return fixtures.forum(true, true);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        fixtures = new RegistrationFixtures();
        return fixtures.forum(false, true);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withMode(ScanMode.ACTIVE, target.getHost());
    }

    @Test
    void confirmsAOneCharacterPasswordByLoggingInAndDeletesTheAccountAgainAsItself() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.title()).isEqualTo("Registration accepts the password 'a'");
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.tags()).doesNotContain("left-behind");
            assertThat(f.evidence()).containsPattern("account 'parapet-weakpw-[0-9a-f]{8}' deleted again \\(DELETE "
                    + "/api/users/41 as itself -> 204\\)");
            assertThat(f.exchanges()).extracting(e -> e.request().method()).containsExactly("POST", "POST", "DELETE");
        }
        assertThat(fixtures.accounts).isEmpty();
    }

    @Test
    void reportsTheOneAccountItCannotDeleteAsLeftBehind() throws IOException {
        fixtures = new RegistrationFixtures();
        try (LoopbackHttpServer server = fixtures.forum(true, false)) {
            Finding f = scan(server).findings().getFirst();
            assertThat(f.tags()).contains("left-behind");
            assertThat(f.evidence()).containsPattern("account 'parapet-weakpw-[0-9a-f]{8}' left behind at "
                    + "/api/users/41: remove it by hand");
        }
        assertThat(fixtures.accounts).hasSize(1).allSatisfy((user, password) -> {
            assertThat(user).startsWith("parapet-weakpw-");
            assertThat(password).isEqualTo("a");
        });
    }

    @Test
    void aPolicyThatRefusesEveryWeakPasswordCreatesNothing() throws IOException {
        try (LoopbackHttpServer server = startSafe()) {
            assertThat(scan(server).findings()).isEmpty();
        }
        assertThat(fixtures.accounts).isEmpty();
    }

    @Test
    void signsUpNobodyOutsideActiveMode() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            var report = CheckHarness.scan(CheckHarness.config(server.uri()), List.of(check()));
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
        assertThat(fixtures.accounts).isEmpty();
    }
}
