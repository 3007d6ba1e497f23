package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.LoginFixtures;
import dev.parapet.testkit.fixtures.LoginFixtures.Login;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LoginUserEnumerationCheckTest extends CheckContractTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    protected Check check() {
        return new LoginUserEnumerationCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return LoginFixtures.shop(Login.TELLS_BY_MESSAGE, attempts);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return LoginFixtures.shop(Login.SAME_FOR_ALL, attempts);
    }

    @Override
    protected ScanConfig configFor(URI target) {
        return CheckHarness.config(target).withMode(ScanMode.ACTIVE, target.getHost());
    }

    private List<Finding> findings(Login login) throws IOException {
        try (LoopbackHttpServer server = LoginFixtures.shop(login, attempts)) {
            return scan(server).findings();
        }
    }

    @Test
    void confirmsAMessageThatNamesTheReasonWithAnAccountTheApiListsItself() throws IOException {
        Finding f = findings(Login.TELLS_BY_MESSAGE).getFirst();
        assertThat(f.title()).isEqualTo("Login tells existing accounts from unknown ones by its message");
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.evidence()).contains("POST /api/auth/login (JSON: email, password", "'admin@shop.test' with a "
                + "wrong password -> 401", "unknown user -> 404", "repeated with fresh values");
        assertThat(f.exchanges()).hasSize(4);
    }

    @Test
    void aDifferentStatusAloneIsFirm() throws IOException {
        assertThat(findings(Login.TELLS_BY_STATUS)).singleElement().satisfies(f -> {
            assertThat(f.title()).endsWith("by its status");
            assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
        });
    }

    @Test
    void aKnownAccountAnsweredMuchSlowerIsATentativeTimingSignal() throws IOException {
        assertThat(findings(Login.TELLS_BY_TIME)).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Login answers existing accounts measurably slower");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
        });
    }

    @Test
    void neverTriesMoreThanFourLoginsSoNoAccountIsLockedOut() throws IOException {
        attempts.set(0);
        findings(Login.TELLS_BY_MESSAGE);
        assertThat(attempts.get()).isEqualTo(4);
        attempts.set(0);
        findings(Login.SAME_FOR_ALL);
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void sendsNoLoginOutsideActiveMode() throws IOException {
        attempts.set(0);
        try (LoopbackHttpServer server = LoginFixtures.shop(Login.TELLS_BY_MESSAGE, attempts)) {
            ScanReport report = CheckHarness.scan(CheckHarness.config(server.uri()), List.of(check()));
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
        }
        assertThat(attempts.get()).isZero();
    }
}
