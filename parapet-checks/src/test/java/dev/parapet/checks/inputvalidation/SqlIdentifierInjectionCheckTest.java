package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.SqlIdentifierFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SqlIdentifierInjectionCheckTest extends CheckContractTest {

    /** Written independently of the check's own guard: anything that could write, lock, sleep or stack. */
    private static final List<String> FORBIDDEN_TOKENS = List.of(";", "--", "/*", "*/", "#");
    private static final Pattern FORBIDDEN_WORDS = Pattern.compile("(?i)\\b(drop|insert|update|delete|alter|create|"
            + "truncate|grant|revoke|copy|lock|exec|execute|into|union|pg_sleep|sleep|waitfor|benchmark|delay)\\b");

    @Override
    protected Check check() {
        return new SqlIdentifierInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SqlIdentifierFixtures.concatenatingPostgres();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SqlIdentifierFixtures.allowListed();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    private static Finding on(List<Finding> findings, String parameter) {
        return findings.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding on '" + parameter + "' in " + findings));
    }

    @Test
    void flagsTableNameConcatenatedIntoSqlThatReadsTheSystemCatalogAsCritical() throws IOException {
        Finding f = on(findingsOn(SqlIdentifierFixtures.concatenatingPostgres()), "table");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.title()).contains("pg_catalog.pg_tables").contains("PostgreSQL");
        assertThat(f.tags()).contains("container-escape", "stage:entry", "db:postgresql");
        assertThat(f.exchanges().getFirst().request().uri().getRawQuery()).contains("table=pg_catalog.pg_tables");
        assertThat(f.exchanges().getFirst().body()).contains("\"schemaname\"");
        assertThat(f.evidence()).contains("schemaname").contains("baseline table=products -> 200")
                .contains("crdb_internal.tables does not exist").hasSizeLessThanOrEqualTo(Evidence.MAX_CHARS);
        assertThat(f.curl()).contains("table=pg_catalog.pg_tables");
    }

    @Test
    void flagsSortColumnConcatenatedIntoOrderByByTheErrorNamingTheProbe() throws IOException {
        Finding f = on(findingsOn(SqlIdentifierFixtures.concatenatingPostgres()), "sort");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
        assertThat(f.evidence()).contains("column \"parapet_nx_col\" does not exist")
                .contains("sort=\"name\" answered 200 like the baseline");
        assertThat(f.tags()).contains("container-escape", "stage:entry", "db:postgresql");
        assertThat(f.remediation()).contains("const TABLES = new Set(['products', 'orders'])")
                .contains("WHERE user_id = $1").contains("%I").contains("PreparedStatement").contains("SQLAlchemy");
    }

    @Test
    void flagsSortDirectionByThePostgresSyntaxErrorNamingTheProbe() throws IOException {
        Finding f = on(findingsOn(SqlIdentifierFixtures.concatenatingPostgres()), "order");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence()).contains("syntax error at or near \"parapet_nx_col\"");
    }

    @Test
    void treatsABareValueTheAnswerCallsACollectionAsATableName() throws IOException {
        Finding f = on(findingsOn(SqlIdentifierFixtures.concatenatingPostgres()), "of");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.endpoint().uri().getPath()).isEqualTo("/export");
    }

    @Test
    void namesCockroachDbWhenCrdbInternalAnswers() throws IOException {
        Finding f = on(findingsOn(SqlIdentifierFixtures.concatenatingCockroach()), "table");
        assertThat(f.title()).contains("CockroachDB");
        assertThat(f.tags()).contains("db:cockroachdb").doesNotContain("db:postgresql");
        assertThat(f.evidence()).contains("crdb_internal.tables answered");
    }

    @Test
    void namesMysqlFromItsUnknownColumnError() throws IOException {
        assertThat(findingsOn(SqlIdentifierFixtures.concatenatingMysqlSort())).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.title()).contains("MySQL/MariaDB");
            assertThat(f.tags()).contains("db:mysql");
        });
    }

    @Test
    void ignoresAGenericServerErrorThatNamesNoDatabase() throws IOException {
        assertThat(findingsOn(SqlIdentifierFixtures.genericServerErrors())).isEmpty();
    }

    @Test
    void neverSendsStatementSeparatorsCommentsWritesLocksOrDelays() {
        SqlIdentifierProbes probes = SqlIdentifierProbes.load();
        for (String original : List.of("name", "products", "asc")) {
            for (String value : probes.allProbeValues(original)) {
                FORBIDDEN_TOKENS.forEach(t -> assertThat(value).as("probe value").doesNotContain(t));
                assertThat(FORBIDDEN_WORDS.matcher(value).find()).as("probe value %s", value).isFalse();
            }
        }
        assertThat(SqlIdentifierProbes.isSafe("products; DROP TABLE users")).isFalse();
        assertThat(SqlIdentifierProbes.isSafe("pg_sleep(5)")).isFalse();
        assertThat(SqlIdentifierProbes.isSafe("name -- x")).isFalse();
        assertThat(SqlIdentifierProbes.isSafe("pg_catalog.pg_tables")).isTrue();
    }

    @Test
    void dataFileLoadsWithCompilingPatternsAndConsistentGroups() {
        SqlIdentifierProbes probes = SqlIdentifierProbes.load();
        assertThat(probes.catalogs()).extracting(SqlIdentifierProbes.Catalog::identifier)
                .contains("pg_catalog.pg_tables", "information_schema.tables", "crdb_internal.tables", "sqlite_master");
        for (SqlIdentifierProbes.ErrorSignature e : probes.errors()) {
            assertThat(e.pattern().matcher("").groupCount()).as(e.pattern().pattern())
                    .isGreaterThanOrEqualTo(e.identifierGroup());
        }
        assertThat(probes.missingTable()).startsWith(probes.probeMarker());
        assertThat(probes.missingColumn()).startsWith(probes.probeMarker());
        assertThat(probes.tableParameters()).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
        assertThat(probes.columnParameters()).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
    }

    @Test
    void readsJsonEscapedPostgresErrors() {
        SqlIdentifierProbes probes = SqlIdentifierProbes.load();
        String body = "{\"error\":\"relation \\\"parapet_nx_tbl\\\" does not exist\",\"code\":\"42P01\"}";
        assertThat(probes.errorNamingProbe(body)).hasValueSatisfying(e -> {
            assertThat(e.engine()).isEqualTo(DatabaseEngine.POSTGRESQL);
            assertThat(e.identifier()).isEqualTo("parapet_nx_tbl");
        });
        assertThat(probes.errorNamingProbe("{\"error\":\"invalid input syntax for type integer: \\\"parapet_nx\\\"\"}"))
                .as("a value error is not an identifier error").isEmpty();
    }

    @Test
    void probesAnyParameterWhoseRecordedAnswerAlreadyCarriedADatabaseError() {
        URI uri = URI.create("http://127.0.0.1:9/search?q=kettle");
        String error = "{\"error\":\"column \\\"kettle\\\" does not exist\",\"code\":\"42703\"}";
        Exchange recorded = Exchange.answered(new HttpRequestRecord("GET", uri, Headers.EMPTY, ""),
                new HttpResponseRecord(500, Headers.of("Content-Type", "application/json"), error, error.length(),
                        false, ""), Duration.ZERO, 0);
        SqlIdentifierInjectionCheck check = new SqlIdentifierInjectionCheck();
        assertThat(check.roleOf(new QueryParameters.Candidate(uri, new QueryParameters.Parameter("q", "kettle"),
                Optional.of(recorded)))).contains(SqlIdentifierProber.Role.COLUMN);
        assertThat(check.roleOf(new QueryParameters.Candidate(uri, new QueryParameters.Parameter("q", "kettle"),
                Optional.empty()))).isEmpty();
    }

    @Test
    void sendsNoProbeValuesInPassiveMode() throws InterruptedException {
        CheckOutcome outcome = check().run(PassiveContext.of(URI.create("http://127.0.0.1:9/"), List.of()));
        assertThat(outcome).isInstanceOf(CheckOutcome.NotApplicable.class);
    }
}
