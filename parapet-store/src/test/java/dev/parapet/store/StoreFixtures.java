package dev.parapet.store;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScanStats;
import dev.parapet.model.Severity;
import dev.parapet.score.AttackPaths;
import dev.parapet.score.Scoring;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built reports, scored by the real scoring so they look like engine output. */
final class StoreFixtures {

    static final String TARGET = "http://127.0.0.1:8080/api";

    private StoreFixtures() {
    }

    /** A finding of {@code checkId} on GET {@code path} below the target. */
    static Finding finding(String checkId, Category category, Severity severity, String path) {
        return Finding.builder(checkId, category).severity(severity).confidence(Confidence.FIRM)
                .title(checkId + " on " + path).evidence("seen on " + path)
                .endpoint(new Endpoint("GET", URI.create(TARGET + path), Endpoint.Source.DISCOVERED))
                .remediation("fix " + checkId).build();
    }

    static Finding sqlInjection() {
        return finding("sql-identifier-injection", Category.INPUT_VALIDATION, Severity.CRITICAL, "/items");
    }

    static Finding envFile() {
        return finding("readable-env-file", Category.DATA_EXPOSURE, Severity.HIGH, "/.env");
    }

    static Finding cors() {
        return finding("cors-reflected-origin", Category.INPUT_VALIDATION, Severity.MEDIUM, "/items");
    }

    static Finding serverHeader() {
        return finding("server-fingerprint", Category.INVENTORY, Severity.INFO, "/");
    }

    static ScanReport report(String id, String target, Instant startedAt, List<Finding> findings) {
        List<CheckRun> runs = new ArrayList<>();
        for (Category c : List.of(Category.INPUT_VALIDATION, Category.DATA_EXPOSURE, Category.INVENTORY,
                Category.AUTHENTICATION)) {
            runs.add(new CheckRun(c.id() + "-check", c, CheckStatus.COMPLETED, "", 0, 3, 0, Duration.ofMillis(20)));
        }
        Endpoint root = new Endpoint("GET", URI.create(target), Endpoint.Source.TARGET);
        return new ScanReport(ScanReport.SCHEMA_VERSION, id, "0.1.0-test", target, ScanMode.SAFE,
                ScanContext.DEFAULT, startedAt, Duration.ofMillis(1_234), true, "",
                Scoring.score(findings, runs, ScanContext.DEFAULT), findings, AttackPaths.build(findings), runs,
                List.of(root), List.of(), new ScanStats(42, 3, 0, 0, 0, 1));
    }

    static ScanReport vulnerable(String id, Instant startedAt) {
        return report(id, TARGET, startedAt, List.of(sqlInjection(), envFile(), cors(), serverHeader()));
    }

    static ScanReport remediated(String id, Instant startedAt) {
        return report(id, TARGET, startedAt, List.of(cors(), serverHeader(),
                finding("missing-security-headers", Category.AUTHENTICATION, Severity.LOW, "/")));
    }
}
