package dev.parapet.checks.combined;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Request;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.CommandInjectionFixtures;
import dev.parapet.testkit.fixtures.LdapInjectionFixtures;
import dev.parapet.testkit.fixtures.NoSqlOperatorFixtures;
import dev.parapet.testkit.fixtures.SqlValueInjectionFixtures;
import dev.parapet.testkit.fixtures.TemplateInjectionFixtures;
import dev.parapet.testkit.fixtures.UnsafeConsumptionFixtures;
import dev.parapet.testkit.fixtures.XPathInjectionFixtures;
import dev.parapet.testkit.fixtures.XssFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe mode's promise, held by each injection check by name, on the vulnerable fixture where that check fires (so it
 * really sent its probes): every request the server receives is a GET, HEAD, OPTIONS or TRACE without a body, and
 * the scan lists no write. Each check runs alone, through the registered instance, so a check that is not
 * registered fails here too.
 */
class SafeModeInjectionChecksSendOnlyReadsTest {

    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private interface Fixture {
        LoopbackHttpServer start(Consumer<Request> seen) throws IOException;
    }

    private static Fixture vulnerableFixtureOf(String checkId) {
        return switch (checkId) {
            case "sql-value-injection" -> SqlValueInjectionFixtures::concatenating;
            case "nosql-operator-injection" -> NoSqlOperatorFixtures::operatorsPassedOn;
            case "command-injection" -> CommandInjectionFixtures::shellLookup;
            case "template-injection" -> TemplateInjectionFixtures::sourceConcatenated;
            case "reflected-xss" -> XssFixtures::reflecting;
            case "ldap-injection" -> LdapInjectionFixtures::concatenatedFilters;
            case "xpath-injection" -> XPathInjectionFixtures::concatenatedExpressions;
            case "open-redirect" -> UnsafeConsumptionFixtures::bypassableRedirects;
            default -> throw new IllegalArgumentException("no fixture for " + checkId);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sql-value-injection", "nosql-operator-injection", "command-injection",
            "template-injection", "reflected-xss", "ldap-injection", "xpath-injection", "open-redirect"})
    void sendsOnlyReadOnlyMethodsWithoutBodiesWhileItFindsTheWeakness(String checkId) throws IOException {
        Check check = CombinedFixtureScanTest.allChecks().stream().filter(c -> c.descriptor().id().equals(checkId))
                .findFirst().orElseThrow(() -> new AssertionError(checkId + " is not registered"));
        List<Request> received = new CopyOnWriteArrayList<>();
        try (LoopbackHttpServer server = vulnerableFixtureOf(checkId).start(received::add)) {
            ScanReport report = CheckHarness.scan(CheckHarness.config(server.uri()), List.of(check));
            assertThat(report.findings()).as("%s probed and found its weakness", checkId).isNotEmpty();
            assertThat(report.writes()).isEmpty();
        }
        assertThat(received).extracting(Request::method).allMatch(READ_ONLY::contains);
        assertThat(received).allSatisfy(r -> assertThat(r.body()).as("%s %s", r.method(), r.uri()).isEmpty());
    }
}
