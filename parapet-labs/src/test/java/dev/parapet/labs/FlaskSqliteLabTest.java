package dev.parapet.labs;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scans the flask-sqlite lab (a real Flask application on SQLite, run by Debian's Python) in both modes with every
 * installed check through the real {@link ScanService}: a safe scan with alice and bob as the two identities (the
 * lab serves its own {@code /openapi.json}, so discovery hands the scan the API description), then an active scan
 * of the same lab with its host declared as owned. Findings are held to {@code labs/flask-sqlite/ground-truth.yaml}:
 * every planted weakness found in the vulnerable mode (entries marked active in the active scan), nothing of medium
 * or higher and nothing tagged container-escape in the remediated mode. The lab's SQLite file is read before and
 * after each scan: neither scan may leave a change behind (accounts, e-mails, roles, passwords, orders).
 * Weaknesses whose check is not installed yet are reported as waiting. Recall and false positives per mode are
 * printed and written to {@code target/lab-results.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlaskSqliteLabTest {

    private static final Duration SCAN_BUDGET = Duration.ofSeconds(120);

    private Path labDir;
    private Path python;
    private GroundTruth truth;
    private LabRun vulnerable;
    private LabRun remediated;
    /** Per mode: the database when the lab started, after the safe scan, after the active scan. */
    private final Map<String, List<SqliteState>> states = new LinkedHashMap<>();
    private final Map<String, JsonNode> aliceAfterActiveScan = new LinkedHashMap<>();

    @BeforeAll
    void scanBothModes() throws Exception {
        labDir = Prerequisites.flaskLabDir();
        python = Prerequisites.python();
        truth = GroundTruth.read(labDir.resolve("ground-truth.yaml"));
        Path work = Files.createTempDirectory("parapet-flask-lab");
        try {
            vulnerable = scan("vulnerable", work, true);
            remediated = scan("remediated", work, false);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private LabRun scan(String mode, Path work, boolean planted) throws Exception {
        Path database = work.resolve(mode + ".db");
        try (LabProcess lab = LabProcess.flask(labDir, python, mode, database)) {
            LabLogins logins = LabLogins.logIn(lab.baseUri(), LabLogins.Routes.FLASK);
            List<SqliteState> seen = new ArrayList<>(List.of(SqliteState.read(python, database)));
            ScanConfig config = ScanConfig.defaults(lab.baseUri()).withMaxTime(SCAN_BUDGET).withRate(100, 8)
                    .withIdentities(logins.identities());
            ScanReport report = ScanService.withInstalledChecks().run(config, List.of());
            seen.add(SqliteState.read(python, database));
            ScanReport active = ScanService.withInstalledChecks().run(
                    config.withMode(ScanMode.ACTIVE, lab.baseUri().getHost()), List.of());
            seen.add(SqliteState.read(python, database));
            states.put(mode, seen);
            aliceAfterActiveScan.put(mode, logins.aliceAccount(lab.baseUri()));
            List<CurlReplay.Result> replays = new ArrayList<>();
            Path curl = Prerequisites.curl();
            if (planted && curl != null) {
                for (Finding f : report.findings()) {
                    if (f.severity().atLeast(Severity.HIGH) && !f.tags().contains("out-of-band")
                            && !f.tags().contains("offline")) {
                        replays.add(CurlReplay.replay(curl, f, logins.tokens()));
                    }
                }
            }
            lab.saveOutput(LabResults.targetDir().resolve("lab-flask-" + mode + ".log"));
            return LabRun.judge(mode, report, active, truth, planted, replays);
        }
    }

    @AfterAll
    void writeResults() throws Exception {
        if (vulnerable != null && remediated != null) {
            LabResults.write(truth, vulnerable, remediated, Map.of("python", python.toString()));
        }
    }

    @Test
    void readsAGroundTruthWhoseWeaknessesEachNameACheckARouteAndASeverity() {
        assertThat(truth.lab()).isEqualTo("flask-sqlite");
        assertThat(truth.database()).isEqualTo("sqlite");
        assertThat(truth.weaknesses()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(truth.weaknesses()).extracting(GroundTruth.Weakness::id).doesNotHaveDuplicates();
        assertThat(truth.weaknesses()).allSatisfy(w -> {
            assertThat(w.route().path()).startsWith("/");
            assertThat(w.check()).matches("[a-z][a-z0-9-]+");
            assertThat(w.least()).isNotNull();
            assertThat(w.mode()).isIn("safe", "active");
        });
        assertThat(truth.weaknesses()).filteredOn(w -> !w.route().method().equals("GET"))
                .allSatisfy(w -> assertThat(w.active()).as("%s writes, so only an active scan can show it", w.id())
                        .isTrue());
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
    void fingerprintsTheDatabaseAsSqlite() {
        Set<String> installed = ScanService.withInstalledChecks().descriptors().stream().map(d -> d.id())
                .collect(Collectors.toSet());
        assumeTrue(installed.contains("sql-value-injection"), "sql-value-injection, which names the engine, is not installed yet");
        assertThat(vulnerable.report().findings().stream().flatMap(f -> f.tags().stream()).toList())
                .as("tags of every finding in the vulnerable lab").contains("db:sqlite")
                .doesNotContain("db:postgresql", "db:cockroachdb", "db:mysql");
    }

    @Test
    void reportsAnAttackPathInTheVulnerableLab() {
        assertThat(vulnerable.report().attackPaths()).isNotEmpty();
    }

    @Test
    void readsTheApiDescriptionTheLabServes() {
        assertThat(vulnerable.report().spec().present()).as("discovery found /openapi.json").isTrue();
        assertThat(vulnerable.report().spec().documented()).isGreaterThanOrEqualTo(20);
        assertThat(vulnerable.report().spec().warnings()).isEmpty();
    }

    @Test
    void reproducesEveryCriticalAndHighFindingWithItsCurlCommand() {
        assumeTrue(Prerequisites.curl() != null, "/usr/bin/curl is not installed");
        assertThat(vulnerable.replays()).isNotEmpty();
        assertThat(vulnerable.replays()).allSatisfy(r -> assertThat(r.reproduced())
                .as("%s%n  %s%n  %s", r.findingTitle(), r.curl(), r.reason()).isTrue());
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
    void reportsNoContainerEscapeFindingInTheRemediatedLab() {
        assertThat(remediated.report().findings()).filteredOn(f -> f.tags().contains(Finding.TAG_CONTAINER_ESCAPE))
                .extracting(LabRun::describe).isEmpty();
    }

    @Test
    void leavesTheDatabaseAsItWasAfterTheSafeScan() {
        states.forEach((mode, seen) -> assertThat(seen.get(1)).as("%s lab after the safe scan", mode)
                .isEqualTo(seen.get(0)));
    }

    @Test
    void leavesNoAccountBehindAfterTheActiveScan() {
        states.forEach((mode, seen) -> assertThat(seen.get(2).usernames())
                .as("%s lab: accounts after the active scan (registrations must be deleted again)", mode)
                .isEqualTo(seen.get(0).usernames()));
    }

    @Test
    void restoresEveryAccountAndOrderTheActiveScanChanged() {
        states.forEach((mode, seen) -> {
            assertThat(seen.get(2).users()).as("%s lab: accounts (e-mail, role, is_admin, password hash)", mode)
                    .isEqualTo(seen.get(0).users());
            assertThat(seen.get(2).orders()).as("%s lab: orders", mode).isEqualTo(seen.get(0).orders());
            assertThat(seen.get(2).products()).as("%s lab: products", mode).isEqualTo(seen.get(0).products());
        });
    }

    @Test
    void leavesAlicesRoleAndEmailAsTheyWereAfterTheActiveScan() {
        assertThat(aliceAfterActiveScan).allSatisfy((mode, alice) -> {
            assertThat(alice.path("role").asText()).as("%s: role", mode).isEqualTo("customer");
            assertThat(alice.path("is_admin").asBoolean()).as("%s: is_admin", mode).isFalse();
            assertThat(alice.path("email").asText()).as("%s: e-mail", mode).isEqualTo("alice@example.com");
        });
    }

    @Test
    void completesEveryScanWithinItsBudget() {
        for (LabRun run : List.of(vulnerable, remediated)) {
            assertThat(run.report().complete()).as(run.mode() + ": " + run.report().incompleteReason()).isTrue();
            assertThat(run.activeReport().complete()).as(run.mode() + " active: " + run.activeReport().incompleteReason())
                    .isTrue();
        }
    }
}
