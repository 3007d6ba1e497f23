package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.CheckContractTest;
import dev.parapet.config.Identities;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.NoSqlOperatorFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoSqlOperatorInjectionCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new NoSqlOperatorInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return NoSqlOperatorFixtures.operatorsPassedOn();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return NoSqlOperatorFixtures.stringsOnly();
    }

    @Test
    void flagsABracketOperatorInTheQueryThatListsEveryRecord() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = scan(server).findings().stream().filter(x -> x.parameter().equals("username")).findFirst()
                    .orElseThrow();
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.title()).contains("query parameter 'username'", "$ne");
            assertThat(f.evidence()).contains("username[$ne]=parapet-nx-7c1e -> 200", "carol",
                    "username[$eq]=parapet-nx-7c1e answered like the literal");
            assertThat(f.curl()).contains("username%5B$ne%5D=parapet-nx-7c1e");
        }
    }

    @Test
    void flagsAJsonBodyFieldTakenAsAQueryObjectInActiveMode() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            var report = CheckHarness.scan(ActiveScans.config(server.uri(), Identities.NONE, false),
                    List.of(check()));
            assertThat(report.findings()).anySatisfy(f -> {
                assertThat(f.endpoint().method()).isEqualTo("POST");
                assertThat(f.title()).contains("JSON field 'username'");
                assertThat(f.evidence()).contains("{\"$ne\":\"parapet-nx-7c1e\"}");
            });
        }
    }

    @Test
    void staysQuietWhenObjectsAreRefusedEvenInActiveMode() throws IOException {
        try (LoopbackHttpServer server = startSafe()) {
            assertThat(CheckHarness.scan(ActiveScans.config(server.uri(), Identities.NONE, false), List.of(check()))
                    .findings()).isEmpty();
        }
    }

    @Test
    void dataFileSendsOnlyReadOnlyOperators() {
        assertThat(NoSqlOperatorInjectionCheck.OPERATORS.all()).extracting(NoSqlOperators.Operator::operator)
                .allMatch(NoSqlOperators.READ_ONLY::contains).doesNotContain("$where", "$set");
    }
}
