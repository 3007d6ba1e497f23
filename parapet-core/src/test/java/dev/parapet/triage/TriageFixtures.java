package dev.parapet.triage;

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
import dev.parapet.score.Scoring;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

final class TriageFixtures {

    static final String TARGET = "http://127.0.0.1:8080";

    private TriageFixtures() {
    }

    static Finding finding(String checkId, Severity severity, String path) {
        return Finding.builder(checkId, Category.INPUT_VALIDATION).severity(severity).confidence(Confidence.FIRM)
                .title(checkId).endpoint(new Endpoint("GET", URI.create(TARGET + path), Endpoint.Source.DISCOVERED))
                .build();
    }

    static ScanReport report(List<Finding> findings) {
        List<CheckRun> runs = List.of(new CheckRun("c", Category.INPUT_VALIDATION, CheckStatus.COMPLETED, "", 0, 1, 0,
                Duration.ZERO));
        return new ScanReport(ScanReport.SCHEMA_VERSION, "0123456789ab", "test", TARGET, ScanMode.SAFE,
                ScanContext.DEFAULT, Instant.parse("2026-11-01T10:00:00Z"), Duration.ofSeconds(1), true, "",
                Scoring.score(findings, runs, ScanContext.DEFAULT), findings, List.of(), runs, List.of(), List.of(),
                new ScanStats(1, 0, 0, 0, 0, 1));
    }
}
