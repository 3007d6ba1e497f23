package dev.parapet.labs;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.service.ScanService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scans the koa-cockroach lab (a real Koa + pg application on a real PostgreSQL) in both modes with every installed
 * check through the real {@link ScanService}, and holds the findings to {@code labs/koa-cockroach/ground-truth.yaml}:
 * every planted weakness found in the vulnerable mode, nothing of medium or higher and nothing tagged
 * container-escape in the remediated one. Weaknesses whose check is not installed yet (or whose entry says what
 * the check still lacks, {@code waits_for}) are reported as waiting and skip {@link #findsTheWeaknessesThatWaitForNewChecks}.
 * Each mode's lab process runs only for its own scan. Recall, false positives, scan time and requests per mode are
 * printed and written to {@code target/lab-results.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KoaCockroachLabTest {

    /** Generous for a loopback target: the scan normally takes a few seconds. */
    private static final Duration SCAN_BUDGET = Duration.ofSeconds(90);

    private Path labDir;
    private GroundTruth truth;
    private LabRun vulnerable;
    private LabRun remediated;
    private String databasePassword;
    private final Map<String, String> rolesAfterActiveScan = new LinkedHashMap<>();

    @BeforeAll
    void scanBothModes() throws Exception {
        labDir = Prerequisites.labDir();
        Prerequisites.node();
        truth = GroundTruth.read(labDir.resolve("ground-truth.yaml"));
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "parapet-lab-pg");
        try (LabDatabase db = LabDatabase.start(work)) {
            databasePassword = db.password();
            vulnerable = scan("vulnerable", db, true);
            remediated = scan("remediated", db, false);
        }
    }

    private LabRun scan(String mode, LabDatabase db, boolean planted) throws Exception {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (LabProcess lab = LabProcess.start(labDir, mode, db.databaseUrl(), token)) {
            LabLogins logins = LabLogins.logIn(lab.baseUri());
            ScanConfig config = ScanConfig.defaults(lab.baseUri()).withMaxTime(SCAN_BUDGET).withRate(100, 8)
                    .withIdentities(logins.identities());
            ScanReport report = ScanService.withInstalledChecks().run(config, List.of());
            // writes to the lab: the property-authorization checks and those of the active-mode entries, with the
            // lab's host declared as owned
            Set<String> activeChecks = new java.util.TreeSet<>(LabResults.installedActiveChecks(truth));
            activeChecks.add("property-authorization");
            ScanReport active = ScanService.withInstalledChecks().run(config.withChecks(activeChecks)
                    .withMode(ScanMode.ACTIVE, lab.baseUri().getHost()), List.of());
            rolesAfterActiveScan.put(mode, logins.aliceRole(lab.baseUri()));
            List<CurlReplay.Result> replays = new ArrayList<>();
            Path curl = Prerequisites.curl();
            if (planted && curl != null) {
                for (Finding f : report.findings()) {
                    // Out-of-band proof lives in the scan's canary, which stops with the scan, and offline proof (a
                    // token's secret cracked, its claims read) in no response at all: curl cannot show either.
                    if (f.severity().atLeast(Severity.HIGH) && !f.tags().contains("out-of-band")
                            && !f.tags().contains("offline")) {
                        replays.add(CurlReplay.replay(curl, f, logins.tokens()));
                    }
                }
            }
            lab.saveOutput(targetDir().resolve("lab-" + mode + ".log"));
            return LabRun.judge(mode, report, active, truth, planted, replays);
        }
    }

    @AfterAll
    void writeResults() throws Exception {
        if (vulnerable != null && remediated != null) {
            LabResults.write(truth, vulnerable, remediated, Map.of());
        }
    }

    @Test
    void storedScansOfBothModesDiffAsResolvedFindingsAndARisingScore(@org.junit.jupiter.api.io.TempDir Path home) {
        dev.parapet.store.ScanStore store = dev.parapet.store.ScanStore.open(
                dev.parapet.store.StoreLocation.embedded(home));
        String before = store.save(vulnerable.report());
        String after = store.save(remediated.report());
        dev.parapet.store.ScanDiff diff = store.diff(before, after);
        assertThat(diff.resolved()).extracting(Finding::checkId)
                .contains("sql-identifier-injection", "debug-endpoints", "path-traversal", "ssrf-internal-reach");
        assertThat(diff.added()).noneMatch(f -> f.severity().atLeast(Severity.MEDIUM));
        assertThat(diff.scoreDelta()).hasValueSatisfying(delta -> assertThat(delta).isPositive());
        assertThat(store.history(null, 10, 0)).hasSize(2);
    }

    @Test
    void readsAGroundTruthWhoseWeaknessesEachNameACheckARouteAndASeverity() {
        assertThat(truth.weaknesses()).hasSizeGreaterThanOrEqualTo(10);
        Set<String> installed = ScanService.withInstalledChecks().descriptors().stream().map(d -> d.id())
                .collect(Collectors.toSet());
        assertThat(installed).contains("ssrf-internal-reach", "secret-exposure", "cors-misconfiguration");
        assertThat(truth.weaknesses()).allSatisfy(w -> {
            assertThat(w.route().path()).startsWith("/");
            assertThat(w.check()).matches("[a-z][a-z0-9-]+");
            assertThat(w.least()).isNotNull();
        });
    }

    @Test
    void findsEveryPlantedWeaknessInTheVulnerableLab() {
        LabResults.assertNothingMissed(vulnerable);
    }

    @Test
    void holdsNoWeaknessAsWaitingThatTheScanAlreadyFinds() {
        LabResults.assertNoStaleWaitsFor(vulnerable, labDir.resolve("ground-truth.yaml"));
    }

    @Test
    void findsTheWeaknessesThatWaitForNewChecks() {
        LabResults.assumeNothingWaiting(vulnerable);
    }

    @Test
    void reportsAnAttackPathInTheVulnerableLab() {
        assertThat(vulnerable.report().attackPaths()).isNotEmpty();
        assertThat(vulnerable.report().attackPaths().getFirst().steps()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void fingerprintsTheDatabaseAsPostgresqlCompatible() {
        assertThat(vulnerable.report().findings().stream().flatMap(f -> f.tags().stream()).toList())
                .as("tags of every finding in the vulnerable lab").containsAnyOf("db:postgresql", "db:cockroachdb");
    }

    @Test
    void reproducesEveryCriticalAndHighFindingWithItsCurlCommand() {
        assumeTrue(Prerequisites.curl() != null, "/usr/bin/curl is not installed");
        assertThat(vulnerable.replays()).isNotEmpty();
        assertThat(vulnerable.replays()).allSatisfy(r -> assertThat(r.reproduced())
                .as("%s%n  %s%n  %s", r.findingTitle(), r.curl(), r.reason()).isTrue());
    }

    @Test
    void neverPutsTheLabsDatabasePasswordIntoEvidence() {
        assertThat(databasePassword).isNotBlank();
        for (LabRun run : List.of(vulnerable, remediated)) {
            assertThat(run.report().findings()).allSatisfy(f -> assertThat(f.evidence())
                    .as("evidence of %s", LabRun.describe(f)).doesNotContain(databasePassword));
        }
    }

    @Test
    void reportsNothingOfMediumOrHigherInTheRemediatedLab() {
        assertThat(remediated.report().findings()).filteredOn(f -> f.severity().atLeast(Severity.MEDIUM))
                .extracting(LabRun::describe).isEmpty();
    }

    @Test
    void reportsNothingOfMediumOrHigherInTheRemediatedLabEvenInActiveMode() {
        assertThat(remediated.activeReport().findings()).filteredOn(f -> f.severity().atLeast(Severity.MEDIUM))
                .extracting(LabRun::describe).isEmpty();
    }

    @Test
    void leavesAlicesRoleAsItWasAfterTheMassAssignmentProbe() {
        assertThat(rolesAfterActiveScan).containsEntry("vulnerable", "customer").containsEntry("remediated", "customer");
    }

    @Test
    void reportsNoContainerEscapeFindingInTheRemediatedLab() {
        assertThat(remediated.report().findings()).filteredOn(f -> f.tags().contains(Finding.TAG_CONTAINER_ESCAPE))
                .extracting(LabRun::describe).isEmpty();
    }

    @Test
    void completesBothScansWithinTheirBudget() {
        assertThat(vulnerable.report().complete()).as(vulnerable.report().incompleteReason()).isTrue();
        assertThat(remediated.report().complete()).as(remediated.report().incompleteReason()).isTrue();
    }

    private static Path targetDir() throws java.io.IOException {
        return LabResults.targetDir();
    }
}
