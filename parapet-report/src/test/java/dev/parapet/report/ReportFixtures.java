package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScanStats;
import dev.parapet.model.SpecSummary;
import dev.parapet.model.AuthSummary;
import dev.parapet.model.Severity;
import dev.parapet.score.AttackPaths;
import dev.parapet.score.Scoring;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built reports for renderer tests. Scores and attack paths come from the real scoring, so the fixtures are
 * consistent the way an engine-built report is. Names and values are fixed so golden files are stable. Header names
 * are lower-case, as HTTP/2 sends them and as the JSON form keeps them, so the fixtures survive a JSON round trip.
 */
final class ReportFixtures {

    static final String TARGET = "https://shop.example.test/api";
    static final Instant STARTED = Instant.parse("2026-11-29T20:15:30.125Z");

    private ReportFixtures() {
    }

    /** A complete scan with findings of every severity, an attack path and checks in every status. */
    static ScanReport full() {
        return report(findings(), runs(), true, "");
    }

    /** The same scan, stopped by its time budget. */
    static ScanReport incomplete() {
        return report(findings(), runs(), false, "time budget of 300 s exhausted");
    }

    /** The full scan, not graded: nearly every answer was throttled. */
    static ScanReport notGraded() {
        return full().withVerdict(dev.parapet.model.Verdict.notGraded(dev.parapet.model.Verdict.Reason.THROTTLED,
                "80 of 82 answers were throttled (429, or 503 with Retry-After)",
                "lower --rate or allow-list the scanner"));
    }

    /** A scan where every check failed to apply: nothing assessed, no score. */
    static ScanReport nothingAssessed() {
        List<CheckRun> runs = new ArrayList<>();
        for (Category c : Category.values()) {
            runs.add(new CheckRun(c.id() + "-probe", c, CheckStatus.NOT_APPLICABLE, "no endpoint of this kind found",
                    0, 1, 0, Duration.ofMillis(3)));
        }
        return report(List.of(), runs, true, "");
    }

    /** A report whose one finding carries an unredacted bearer token, as if the engine had missed it. */
    static ScanReport withUnredactedSecret() {
        HttpRequestRecord request = new HttpRequestRecord("GET", uri("/orders/7"),
                Headers.of("Authorization", "Bearer xyz", "Accept", "application/json"), "");
        Exchange exchange = Exchange.answered(request, json(200, "{\"id\":7,\"owner\":\"bob\"}"), Duration.ofMillis(9), 0);
        Finding f = Finding.builder("adjacent-object-read", Category.BOLA).severity(Severity.HIGH)
                .confidence(Confidence.FIRM).title("Another user's order is readable by id")
                .parameter("id").evidence("GET /orders/7 returned owner bob to user alice").exchange(exchange)
                .remediation("Check that the caller owns the object before returning it.")
                .references(List.of(Reference.owaspApi("API1:2023"), Reference.cwe(639))).build();
        return report(List.of(f), runs(), true, "");
    }

    static ScanReport report(List<Finding> findings, List<CheckRun> runs, boolean complete, String reason) {
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", URI.create(TARGET), Endpoint.Source.TARGET),
                new Endpoint("GET", uri("/items"), Endpoint.Source.SPEC),
                new Endpoint("GET", uri("/orders/7"), Endpoint.Source.SPEC),
                new Endpoint("GET", uri("/.env"), Endpoint.Source.DISCOVERED));
        return new ScanReport(ScanReport.SCHEMA_VERSION, "3f9a0c2b7d1e", "0.1.0-test", TARGET, ScanMode.SAFE,
                ScanContext.DEFAULT, STARTED, Duration.ofMillis(12_345), complete, reason,
                Scoring.score(findings, runs, ScanContext.DEFAULT), findings, AttackPaths.build(findings), runs,
                endpoints, List.of(TARGET + "/openapi.json"), new ScanStats(187, 12, 1, 2, 3, endpoints.size()),
                new SpecSummary(TARGET + "/openapi.json", "3.0.3", 2, 1, 2, 1,
                        List.of("/paths/~1legacy/get: operation skipped: its parameters could not be read")),
                AuthSummary.NONE, coverage());
    }

    /** Three operations: one tested with all its inputs, one with an input over the budget, one left by mode. */
    static dev.parapet.model.Coverage coverage() {
        return dev.parapet.model.Coverage.of(List.of(
                new dev.parapet.model.OperationCoverage("GET", "/api/items", Endpoint.Source.SPEC,
                        List.of("path-traversal", "sql-identifier-injection"), java.util.Optional.empty(), 2, 2,
                        List.of()),
                new dev.parapet.model.OperationCoverage("GET", "/api/orders/{id}", Endpoint.Source.SPEC,
                        List.of("cors-reflected-origin"), java.util.Optional.empty(), 2, 1,
                        List.of("query expand: request budget")),
                new dev.parapet.model.OperationCoverage("POST", "/api/orders", Endpoint.Source.SPEC, List.of(),
                        java.util.Optional.of(dev.parapet.model.Untested.MODE), 3, 0,
                        List.of("json item: mode", "json quantity: mode", "json note: mode"))));
    }

    /** The full scan as an active-mode scan that changed the target: one write undone, one left behind. */
    static ScanReport active() {
        ScanReport r = full();
        return new ScanReport(r.schemaVersion(), r.scanId(), r.parapetVersion(), r.target(), ScanMode.ACTIVE,
                r.context(), r.startedAt(), r.duration(), r.complete(), r.incompleteReason(), r.score(), r.findings(),
                r.attackPaths(), r.checks(), r.endpoints(), r.apiDocuments(), r.stats(), r.spec(), r.auth(),
                r.coverage(), List.of(
                new dev.parapet.model.WriteRecord("mass-assignment", dev.parapet.model.WriteRecord.Kind.CHANGED,
                        "PATCH /api/me", TARGET + "api/me", "/role", "\"customer\"",
                        dev.parapet.model.WriteRecord.Outcome.UNDONE,
                        "PATCH /api/me -> 200, then GET showed the old value"),
                new dev.parapet.model.WriteRecord("mass-assignment", dev.parapet.model.WriteRecord.Kind.CREATED,
                        "POST /api/users (parapet-0a1b2c3d4e)", TARGET + "api/users/7", "", "",
                        dev.parapet.model.WriteRecord.Outcome.LEFT_BEHIND,
                        "--allow-delete was not given; remove it with DELETE /api/users/7")));
    }

    /** The full scan as if it had had no API description. */
    static ScanReport withoutSpec() {
        ScanReport r = full();
        return new ScanReport(r.schemaVersion(), r.scanId(), r.parapetVersion(), r.target(), r.mode(), r.context(),
                r.startedAt(), r.duration(), r.complete(), r.incompleteReason(), r.score(), r.findings(),
                r.attackPaths(), r.checks(), r.endpoints(), r.apiDocuments(), r.stats(), SpecSummary.NONE,
                AuthSummary.NONE);
    }

    static List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        HttpRequestRecord sqlRequest = new HttpRequestRecord("GET", uri("/items?table=crdb_internal.node_build_info"),
                Headers.of("accept", "application/json", "x-trace", "one", "x-trace", "two"), "");
        out.add(Finding.builder("sql-identifier-injection", Category.INPUT_VALIDATION)
                .severity(Severity.CRITICAL).confidence(Confidence.CONFIRMED)
                .title("Table name from the 'table' parameter reaches the SQL text")
                .parameter("table")
                .evidence("table=crdb_internal.node_build_info returned 3 rows of build information,\n"
                        + "table=nonexistent_x returned: relation \"nonexistent_x\" does not exist")
                .exchange(Exchange.answered(sqlRequest, json(200,
                        "[{\"field\":\"Version\",\"value\":\"v23.1.11\"}]"), Duration.ofMillis(41), 0))
                .remediation("Never build SQL identifiers from input. Map the parameter to an allow-list of known "
                        + "table names and reject anything else; keep values in bind parameters.")
                .references(List.of(Reference.owaspApi("API8:2023"), Reference.cwe(89)))
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag(AttackPaths.STAGE_ENTRY).build());
        out.add(Finding.builder("readable-env-file", Category.DATA_EXPOSURE)
                .severity(Severity.HIGH).confidence(Confidence.CONFIRMED)
                .title("Environment file with database credentials is served")
                .evidence("GET /api/.env returned DATABASE_URL=postgresql://root:[redacted]@db:26257/shop")
                .exchange(Exchange.answered(new HttpRequestRecord("GET", uri("/.env"), Headers.EMPTY, ""),
                        new HttpResponseRecord(200, Headers.of("content-type", "text/plain"),
                                "DATABASE_URL=postgresql://root:[redacted]@db:26257/shop\n", 52, false, "TLSv1.3"),
                        Duration.ofMillis(12), 1))
                .remediation("Remove the file from the web root and rotate every credential it held.")
                .references(List.of(Reference.owaspApi("API8:2023"), Reference.cwe(538)))
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag(AttackPaths.STAGE_CREDENTIALS).build());
        out.add(Finding.builder("cors-reflected-origin", Category.INPUT_VALIDATION)
                .severity(Severity.MEDIUM).confidence(Confidence.FIRM)
                .title("Any origin is reflected with credentials allowed")
                .evidence("Origin: https://evil.example was echoed in Access-Control-Allow-Origin with "
                        + "Access-Control-Allow-Credentials: true")
                .exchange(Exchange.answered(new HttpRequestRecord("GET", uri("/items"),
                                Headers.of("origin", "https://evil.example"), ""),
                        new HttpResponseRecord(200, Headers.of("access-control-allow-origin", "https://evil.example",
                                "access-control-allow-credentials", "true", "date", "Sun, 29 Nov 2026 20:15:31 GMT"),
                                "[]", 2, false, "TLSv1.3"), Duration.ofMillis(8), 0))
                .remediation("Allow only the origins your front ends use.")
                .references(List.of(Reference.cwe(942))).build());
        out.add(Finding.builder("debug-endpoint", Category.INPUT_VALIDATION)
                .severity(Severity.MEDIUM).confidence(Confidence.TENTATIVE)
                .title("Debug endpoint may be present but did not answer in time")
                .endpoint(new Endpoint("GET", uri("/debug/pprof/"), Endpoint.Source.DISCOVERED))
                .exchange(Exchange.failed(new HttpRequestRecord("GET", uri("/debug/pprof/"), Headers.EMPTY, ""),
                        ExchangeOutcome.TIMEOUT, "no answer within 10 s", Duration.ofMillis(10_000)))
                .references(List.of(Reference.other("CIS-Docker-5.x", "https://www.cisecurity.org/"))).build());
        out.add(Finding.builder("missing-security-headers", Category.AUTHENTICATION)
                .severity(Severity.LOW).confidence(Confidence.CONFIRMED)
                .title("Responses lack X-Content-Type-Options")
                .endpoint(new Endpoint("GET", URI.create(TARGET), Endpoint.Source.TARGET))
                .remediation("Send X-Content-Type-Options: nosniff on every response.").build());
        out.add(Finding.builder("server-fingerprint", Category.INVENTORY).severity(Severity.INFO)
                .confidence(Confidence.FIRM).title("Server software is disclosed: Koa")
                .endpoint(new Endpoint("GET", URI.create(TARGET), Endpoint.Source.TARGET)).build());
        out.add(Finding.builder("api-docs-exposed", Category.INVENTORY).severity(Severity.INFO)
                .confidence(Confidence.CONFIRMED).title("OpenAPI document is public")
                .endpoint(new Endpoint("GET", uri("/openapi.json"), Endpoint.Source.DISCOVERED)).build());
        return out;
    }

    static List<CheckRun> runs() {
        List<CheckRun> runs = new ArrayList<>();
        runs.add(run("sql-identifier-injection", Category.INPUT_VALIDATION, CheckStatus.COMPLETED, "", 1));
        runs.add(run("cors-reflected-origin", Category.INPUT_VALIDATION, CheckStatus.COMPLETED, "", 1));
        runs.add(run("debug-endpoint", Category.INPUT_VALIDATION, CheckStatus.COMPLETED, "", 1));
        runs.add(run("readable-env-file", Category.DATA_EXPOSURE, CheckStatus.COMPLETED, "", 1));
        runs.add(run("missing-security-headers", Category.AUTHENTICATION, CheckStatus.COMPLETED, "", 1));
        runs.add(run("server-fingerprint", Category.INVENTORY, CheckStatus.COMPLETED, "", 1));
        runs.add(run("api-docs-exposed", Category.INVENTORY, CheckStatus.COMPLETED, "", 1));
        runs.add(run("adjacent-object-read", Category.BOLA, CheckStatus.NOT_APPLICABLE,
                "no endpoint takes a numeric or sequential id", 0));
        runs.add(run("admin-route-exposure", Category.BFLA, CheckStatus.COMPLETED, "", 0));
        runs.add(run("internal-field-leak", Category.PROPERTY_AUTHORIZATION, CheckStatus.COMPLETED, "", 0));
        runs.add(run("burst-without-limit", Category.RATE_LIMITING, CheckStatus.INTERRUPTED,
                "time budget of 300 s exhausted", 0));
        runs.add(run("tls-configuration", Category.ENCRYPTION, CheckStatus.COMPLETED, "", 0));
        runs.add(run("metadata-fetch", Category.SSRF, CheckStatus.ERRORED, "check failed: canary listener refused",
                0));
        runs.add(run("open-redirect", Category.UNSAFE_CONSUMPTION, CheckStatus.COMPLETED, "", 0));
        runs.add(run("llm-endpoint-access", Category.LLM_SECURITY, CheckStatus.NOT_APPLICABLE,
                "no LLM endpoint found", 0));
        runs.add(run("graphql-introspection", Category.INVENTORY, CheckStatus.SKIPPED, "", 0));
        return runs;
    }

    private static CheckRun run(String id, Category c, CheckStatus s, String reason, int findings) {
        return new CheckRun(id, c, s, reason, findings, 4, 0, Duration.ofMillis(250));
    }

    static URI uri(String pathAndQuery) {
        return URI.create(TARGET + pathAndQuery);
    }

    static HttpResponseRecord json(int status, String body) {
        return new HttpResponseRecord(status, Headers.of("content-type", "application/json"), body, body.length(),
                false, "TLSv1.3");
    }
}
