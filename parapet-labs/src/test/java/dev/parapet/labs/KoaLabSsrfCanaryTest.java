package dev.parapet.labs;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.service.ScanService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The koa-cockroach lab's URL-fetching route ({@code GET /avatar?url=}) confirmed out of band: a scan with the SSRF
 * checks plants a canary URL in {@code url}; in the vulnerable mode the lab's own request to the canary is the
 * finding's evidence, in the remediated mode (https allow-list, internal addresses refused) the canary hears
 * nothing. Each mode's lab runs only for its own scan, against one throw-away PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KoaLabSsrfCanaryTest {

    private static final Set<String> SSRF_CHECKS = Set.of("ssrf-oob-confirmed", "ssrf-internal-reach");

    private ScanReport vulnerable;
    private ScanReport remediated;
    private int vulnerablePort;

    @BeforeAll
    void scanBothModes() throws Exception {
        Path labDir = Prerequisites.labDir();
        Prerequisites.node();
        try (LabDatabase db = LabDatabase.start(Path.of(System.getProperty("java.io.tmpdir"), "parapet-lab-pg"))) {
            vulnerable = scan(labDir, "vulnerable", db);
            remediated = scan(labDir, "remediated", db);
        }
    }

    private ScanReport scan(Path labDir, String mode, LabDatabase db) throws Exception {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (LabProcess lab = LabProcess.start(labDir, mode, db.databaseUrl(), token)) {
            if (mode.equals("vulnerable")) {
                vulnerablePort = lab.baseUri().getPort();
            }
            ScanConfig config = ScanConfig.defaults(lab.baseUri()).withMaxTime(Duration.ofSeconds(60))
                    .withRate(100, 8).withChecks(SSRF_CHECKS);
            return ScanService.withInstalledChecks().run(config, List.of());
        }
    }

    @Test
    void confirmsTheAvatarSsrfWithTheLabsOwnRequestToTheCanary() {
        Finding f = canaryFinding(vulnerable);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.endpoint().uri().getPath()).isEqualTo("/avatar");
        assertThat(f.parameter()).isEqualTo("url");
        assertThat(f.evidence()).contains("the canary received GET /", "from 127.0.0.1:");

        Exchange probe = f.exchanges().getFirst();
        Exchange hit = f.exchanges().get(1);
        String canaryUrl = java.net.URLDecoder.decode(probe.request().uri().getRawQuery().substring("url=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(hit.request().uri().toString()).as("the lab requested exactly the planted URL")
                .isEqualTo(canaryUrl);
        assertThat(hit.request().uri().getPort()).as("the canary, not the lab").isNotEqualTo(vulnerablePort);
        assertThat(hit.request().method()).isEqualTo("GET");
        assertThat(hit.request().headers().first("User-Agent")).as("Node's fetch announces itself")
                .hasValueSatisfying(ua -> assertThat(ua).isNotBlank());
        assertThat(probe.body()).as("the vulnerable route relays the canary's page")
                .contains("class=\"parapet-canary\"");
    }

    @Test
    void hearsNothingFromTheRemediatedLab() {
        CheckRun run = remediated.checks().stream().filter(r -> r.checkId().equals("ssrf-oob-confirmed"))
                .findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(run.requests()).as("the canary URL was planted").isPositive();
        assertThat(remediated.findings()).filteredOn(f -> f.checkId().equals("ssrf-oob-confirmed")).isEmpty();
        assertThat(remediated.findings()).filteredOn(f -> f.checkId().startsWith("ssrf-")).isEmpty();
    }

    private static Finding canaryFinding(ScanReport report) {
        return report.findings().stream().filter(f -> f.checkId().equals("ssrf-oob-confirmed")).findFirst()
                .orElseThrow(() -> new AssertionError("no ssrf-oob-confirmed finding; checks: " + report.checks()
                        + "; findings: " + report.findings().stream().map(Finding::title).toList()));
    }
}
