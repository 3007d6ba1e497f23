package dev.parapet.checks.ratelimiting;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.PassiveScans;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.RateLimitFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnboundedPageSizeCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new UnboundedPageSizeCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return RateLimitFixtures.unboundedPages();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return RateLimitFixtures.cappedPages();
    }

    @Test
    void reportsALimitParameterThatReturnsTheWholeCatalogueAsConfirmedMedium() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.unboundedPages()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.confidence()).as("the oversized page was read back").isEqualTo(Confidence.CONFIRMED);
                assertThat(f.parameter()).isEqualTo("limit");
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/products");
                assertThat(f.evidence()).contains("default page: 20 'items' records")
                        .contains("limit=1000: " + RateLimitFixtures.CATALOGUE_SIZE);
            });
        }
    }

    @Test
    void reportsAnOversizedDefaultPageAsLow() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.oversizedDefaultPage()) {
            List<Finding> findings = CheckHarness.findings(server.uri(), check());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.LOW);
                assertThat(f.endpoint().uri().getPath()).isEqualTo("/api/logs");
                assertThat(f.evidence()).contains("1500 records");
            });
        }
    }

    @Test
    void findsTheRecordsOfABareArrayAndOfAWrappedList() {
        assertThat(RecordList.of("[{\"id\":1},{\"id\":2}]")).contains(new RecordList("", 2));
        assertThat(RecordList.of("{\"total\":9,\"tags\":[\"a\"],\"data\":[{\"id\":1}]}"))
                .contains(new RecordList("data", 1));
        assertThat(RecordList.of("{\"name\":\"x\"}")).isEmpty();
        assertThat(RecordList.of("not json")).isEmpty();
        assertThat(RecordList.countIn("{\"data\":[{},{},{}]}", "data")).contains(3);
    }

    @Test
    void dataFilesLoadWithARequestedSizeAboveTheSaneMaximum() {
        PageSizeRules rules = PageSizeRules.load();
        assertThat(rules.pageSizeParameters()).contains("limit", "per_page", "pageSize");
        assertThat(rules.requestedSize()).isGreaterThan(rules.saneMaximum());
        assertThat(RateLimitSignals.load().throttleStatuses()).contains(429);
    }

    @Test
    void judgesOnlyRecordedPagesInPassiveMode() throws IOException {
        try (LoopbackHttpServer server = RateLimitFixtures.oversizedDefaultPage()) {
            var report = PassiveScans.scan(server.uri(), check());
            assertThat(report.findings()).extracting(Finding::severity).containsExactly(Severity.LOW);
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }
}
