package dev.parapet.checks.dataexposure;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.dataexposure.ErrorSignatures.Disclosure;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.DataExposureErrorFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorDisclosureCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new ErrorDisclosureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return DataExposureErrorFixtures.leakingErrors();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return DataExposureErrorFixtures.genericErrors();
    }

    @Test
    void provokesAStackTraceAndADatabaseErrorAndNamesTheirFrameworks() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            Finding trace = byTitle(findings, "Node.js/Koa stack trace disclosed in a response");
            assertThat(trace.severity()).isEqualTo(Severity.HIGH);
            assertThat(trace.confidence()).isEqualTo(Confidence.FIRM);
            assertThat(trace.evidence()).contains("node-frame", "absolute source path", "versions");
            assertThat(trace.exchanges()).hasSize(2);
            assertThat(trace.tags()).isEmpty();
            Finding sql = byTitle(findings, "PostgreSQL error text disclosed in a response");
            assertThat(sql.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(sql.confidence()).isEqualTo(Confidence.FIRM);
            assertThat(sql.tags()).isEmpty();
            assertThat(sql.exchanges().getFirst().request().uri().getRawQuery()).isEqualTo("q=lamp%27");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Java|java.lang.NullPointerException: x\\n\\tat com.acme.shop.OrderService.load(OrderService.java:42)",
            "Spring Boot|<h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error</p>",
            "Python|Traceback (most recent call last):\\n  File \"/srv/app/views.py\", line 12, in index",
            "Django|<p>You're seeing this error because you have <code>DEBUG = True</code></p> Django Version: 4.2",
            "Flask/Werkzeug|<title>Werkzeug Debugger</title> The debugger caught an exception in your WSGI application",
            "Ruby on Rails|ActiveRecord::RecordNotFound app/controllers/users_controller.rb:10:in `show'",
            "ASP.NET|<h1>Server Error in '/' Application.</h1> Version Information: Microsoft .NET Framework",
            "PHP|<b>Fatal error</b>: Uncaught Error: Call to undefined function in /var/www/html/index.php on line 7",
            "MySQL|You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version",
            "SQLite|sqlite3.OperationalError: no such table: userz",
            "Microsoft SQL Server|Unclosed quotation mark after the character string ''.",
            "PostgreSQL|{\"error\":\"relation \\\"userz\\\" does not exist\"}"})
    void recognisesFrameworkSignatures(String framework, String body) {
        List<Disclosure> found = ErrorDisclosureCheck.SIGNATURES.get().disclosures(body.replace("\\n", "\n")
                .replace("\\t", "\t"));
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().frameworks()).contains(framework);
    }

    @Test
    void judgesGenericErrorsAndOrdinaryDataAsSilent() {
        assertThat(ErrorDisclosureCheck.SIGNATURES.get().disclosures(
                "{\"error\":\"internal error\",\"requestId\":\"8f14e45fceea167a\"}")).isEmpty();
        assertThat(ErrorDisclosureCheck.SIGNATURES.get().disclosures(
                "{\"title\":\"Meet us at Main St.\",\"path\":\"/docs/errors\",\"note\":\"syntax is simple\"}"))
                .isEmpty();
    }

    @Test
    void buildsMalformedVariantsOnlyWhereAValueOrIdExists() {
        var probes = ErrorDisclosureCheck.SIGNATURES.get().probes();
        assertThat(ErrorProbes.variants(URI.create("http://h/api/items/42?x=1"), probes)).extracting(URI::toString)
                .containsExactly("http://h/api/items/42?x=1%27", "http://h/api/items/%ff?x=1",
                        "http://h/api/items/99999999999999999999999?x=1", "http://h/api/items/42?x=1%25");
        assertThat(ErrorProbes.variants(URI.create("http://h/api/items"), probes)).isEmpty();
    }

    private static Finding byTitle(List<Finding> findings, String title) {
        return findings.stream().filter(f -> f.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + title + "' in " + findings.stream().map(Finding::title).toList()));
    }
}
