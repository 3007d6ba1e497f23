package dev.parapet.server;

import dev.parapet.config.ConfigLoader;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.ScanReport;
import dev.parapet.service.ScanService;
import dev.parapet.testkit.fixtures.HeadersFixtures;

import java.util.List;
import java.util.Map;

/** One real report (a one-check scan of a loopback fixture), made once, and copies of it under fresh scan ids. */
final class TestReports {

    private static ScanReport report;

    private TestReports() {
    }

    static synchronized ScanReport fresh() throws Exception {
        if (report == null) {
            try (LoopbackHttpServer api = HeadersFixtures.bare()) {
                var resolved = ConfigLoader.resolve(api.uri(), Map.of(), Map.of(),
                        Map.of("checks", "security-headers", "max-time", "20s", "rate", "500"));
                report = ScanService.withInstalledChecks().run(resolved.scan(), List.of());
            }
        }
        ScanReport r = report;
        return new ScanReport(r.schemaVersion(), Ids.next().substring(0, 12), r.parapetVersion(), r.target(),
                r.mode(), r.context(), r.startedAt(), r.duration(), r.complete(), r.incompleteReason(), r.score(),
                r.findings(), r.attackPaths(), r.checks(), r.endpoints(), r.apiDocuments(), r.stats(), r.spec(),
                r.auth(), r.coverage(), r.writes(), r.verdict());
    }
}
