package dev.parapet.checks.unsafeconsumption;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.UnsafeConsumptionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonpCallbackCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new JsonpCallbackCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return UnsafeConsumptionFixtures.vulnerable();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return UnsafeConsumptionFixtures.safe();
    }

    @Test
    void confirmsTheItemsListWrappedInTheCallersFunction() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.vulnerable()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/items");
                assertThat(f.parameter()).isEqualTo("callback");
                assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                assertThat(f.evidence()).contains("javascript").contains("parapetJsonp");
            });
        }
    }

    @Test
    void recognisesTheFunctionOnlyAtTheStartOfTheBody() {
        assertThat(JsonpCallbackCheck.wraps("/**/ fn1([1]);", "fn1")).isTrue();
        assertThat(JsonpCallbackCheck.wraps("typeof fn1 === 'function' && fn1({\"a\":1});", "fn1")).isTrue();
        assertThat(JsonpCallbackCheck.wraps("{\"callback\":\"fn1(\"}", "fn1")).isFalse();
        assertThat(JsonpCallbackCheck.wraps("[1,2]", "fn1")).isFalse();
    }

    @Test
    void sendsNoCallbackParametersInPassiveMode() throws IOException {
        try (LoopbackHttpServer server = UnsafeConsumptionFixtures.vulnerable()) {
            var report = PassiveScans.scan(server.uri(), check());
            assertThat(report.findings()).isEmpty();
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }
}
