package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.support.InputPoints;
import dev.parapet.config.Identities;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.ValueShape;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.SqlValueInjectionFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlValueInjectionCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SqlValueInjectionCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SqlValueInjectionFixtures.concatenating();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SqlValueInjectionFixtures.parameterised();
    }

    private static Finding on(List<Finding> findings, String path, String parameter) {
        return findings.stream().filter(f -> f.endpoint().uri().getPath().startsWith(path)
                        && f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + path + " " + parameter + " in " + findings));
    }

    @Test
    void flagsSearchTextPastedIntoLikeByErrorAndConditionOnH2() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = on(scan(server).findings(), "/api/products", "q");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.title()).contains("query parameter 'q'", "error-based", "boolean-based (like context)", "H2");
            assertThat(f.tags()).contains("db:h2", Finding.TAG_CONTAINER_ESCAPE, "stage:entry", "sql-injection");
            assertThat(f.evidence()).contains("q=grinder' -> 500", "q=grinder'' -> 200 without that error",
                    "Hibernate/JDBC");
            assertThat(f.curl()).contains("/api/products?q=grinder%27");
        }
    }

    @Test
    void flagsANumericPathIdWhoseErrorsAreHiddenByConditionsAlone() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding f = on(scan(server).findings(), "/api/items", "id");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.title()).contains("boolean-based (numeric context)", "database not identified")
                    .doesNotContain("error-based");
            assertThat(f.evidence()).contains("1 AND 1=1 -> 200", "1 AND 1=2 -> 404", "1 AND 7=7 / 1 AND 7=8");
        }
    }

    @Test
    void flagsAHeaderValueAndAnErrorAnsweredWithStatus200UnderAVersionedPrefix() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            Finding header = on(findings, "/api/stores", "X-Region");
            assertThat(header.title()).contains("header 'X-Region'", "error-based", "H2");
            Finding reports = on(findings, "/api/v1/reports", "region");
            assertThat(reports.evidence()).contains("region=north' -> 200 Syntax error in SQL statement");
            assertThat(reports.tags()).contains("db:h2");
        }
    }

    @Test
    void flagsTheJsonLoginBodyInActiveModeAndLeavesNoWriteBehind() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            var report = CheckHarness.scan(ActiveScans.config(server.uri(), Identities.NONE, false),
                    List.of(check()));
            Finding f = on(report.findings(), "/api/login", "username");
            assertThat(f.endpoint().method()).isEqualTo("POST");
            assertThat(f.title()).contains("JSON field 'username'", "error-based", "H2");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
            assertThat(report.writesNotUndone()).isEmpty();
        }
    }

    @Test
    void sendsNoBodyInSafeMode() throws IOException {
        java.util.List<String> methods = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackHttpServer server = SqlValueInjectionFixtures.concatenating(r -> methods.add(r.method()))) {
            assertThat(scan(server).findings()).noneMatch(f -> f.endpoint().uri().getPath().equals("/api/login"));
        }
        assertThat(methods).containsOnly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void leavesIdentifierUrlFileAndBooleanInputsToOtherChecks() {
        SqlValueInjectionCheck c = new SqlValueInjectionCheck();
        assertThat(c.appliesTo(InputPoints.query("q", "shoes", ValueShape.FREE_TEXT))).isTrue();
        assertThat(c.appliesTo(InputPoints.query("id", "7", ValueShape.IDENTIFIER, ValueShape.NUMERIC))).isTrue();
        assertThat(c.appliesTo(InputPoints.query("sort", "name", ValueShape.SQL_NAME))).isFalse();
        assertThat(c.appliesTo(InputPoints.query("order_id", "1001", ValueShape.SQL_NAME, ValueShape.IDENTIFIER,
                ValueShape.NUMERIC))).isTrue();
        assertThat(c.appliesTo(InputPoints.query("url", "http://x/", ValueShape.URL))).isFalse();
        assertThat(c.appliesTo(InputPoints.query("file", "a.txt", ValueShape.FILE))).isFalse();
        assertThat(c.appliesTo(InputPoints.query("active", "true", ValueShape.BOOLEAN))).isFalse();
    }

    @Test
    void recognisesEngineAndOrmErrorTexts() {
        SqlErrorTexts t = SqlValueInjectionCheck.TEXTS;
        assertThat(SqlErrorTexts.engine(t.in("org.h2.jdbc.JdbcSQLSyntaxErrorException: bad SQL grammar "
                + "[select * from cars where id=1']"))).contains(DatabaseEngine.H2);
        assertThat(SqlErrorTexts.wrappers(t.in("bad SQL grammar [select * from cars where id=1']")))
                .containsExactly("Hibernate/JDBC");
        assertThat(SqlErrorTexts.engine(t.in("sqlite3.OperationalError: unrecognized token: \\\"'\\\"")))
                .contains(DatabaseEngine.SQLITE);
        assertThat(SqlErrorTexts.engine(t.in("unterminated quoted string at or near \"'\""))).contains(DatabaseEngine.POSTGRESQL);
        assertThat(SqlErrorTexts.engine(t.in("at or near \"x\": syntax error"))).contains(DatabaseEngine.COCKROACHDB);
        assertThat(SqlErrorTexts.engine(t.in("You have an error in your SQL syntax; check the manual")))
                .contains(DatabaseEngine.MYSQL);
        assertThat(SqlErrorTexts.engine(t.in("Unclosed quotation mark after the character string ''")))
                .contains(DatabaseEngine.MSSQL);
        assertThat(SqlErrorTexts.engine(t.in("ORA-01756: quoted string not properly terminated")))
                .contains(DatabaseEngine.ORACLE);
        assertThat(SqlErrorTexts.engine(t.in("user lacks privilege or object not found; unexpected token: '")))
                .contains(DatabaseEngine.HSQLDB);
        assertThat(SqlErrorTexts.engine(t.in("ERROR 42X01: Syntax error: Encountered \"'\" at line 1")))
                .contains(DatabaseEngine.DERBY);
        assertThat(SqlErrorTexts.engine(t.in("DB2 SQL Error: SQLCODE=-104, SQLSTATE=42601")))
                .contains(DatabaseEngine.DB2);
        assertThat(SqlErrorTexts.wrappers(t.in("SequelizeDatabaseError: x"))).containsExactly("Sequelize");
        assertThat(SqlErrorTexts.wrappers(t.in("PrismaClientKnownRequestError"))).containsExactly("Prisma");
        assertThat(SqlErrorTexts.wrappers(t.in("sqlalchemy.exc.OperationalError"))).containsExactly("SQLAlchemy");
        assertThat(SqlErrorTexts.wrappers(t.in("django.db.utils.ProgrammingError"))).containsExactly("Django");
        assertThat(SqlErrorTexts.wrappers(t.in("ActiveRecord::StatementInvalid"))).containsExactly("ActiveRecord");
        assertThat(t.in("{\"error\":\"invalid input syntax for type integer\"}")).isEmpty();
    }

    @Test
    void dataFileHoldsOnlyReadOnlyValuesAndBoundedDelays() {
        assertThat(SqlValueInjectionCheck.PROBES.allSuffixes()).isNotEmpty()
                .noneMatch(v -> SqlValueProbes.UNSAFE.matcher(v).find());
        assertThat(SqlValueInjectionCheck.PROBES.delays()).allSatisfy(d -> assertThat(d.suffix()).contains("(SELECT "));
        assertThat(SqlValueProbes.UNSAFE.matcher("1; DROP TABLE users").find()).isTrue();
        assertThat(SqlValueProbes.UNSAFE.matcher("' OR 1=1 --").find()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlValueInjectionCheck.PROBES.delays().getFirst()
                .lasting(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsNoProbeInPassiveMode() {
        assertThat(new SqlValueInjectionCheck().notApplicable(PassiveContext.of(URI.create("http://127.0.0.1:9/"),
                List.of()))).isPresent();
    }
}
