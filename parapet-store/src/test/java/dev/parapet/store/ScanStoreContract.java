package dev.parapet.store;

import dev.parapet.model.Category;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;
import dev.parapet.report.JsonReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every database behind the store must do. Subclasses supply a fresh, empty store per test; the same SQL runs
 * on each of them.
 */
abstract class ScanStoreContract {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /** A store over an empty database (no scans stored yet). */
    abstract ScanStore store();

    @Test
    void savedReportComesBackAsTheSameJson() {
        ScanStore store = store();
        ScanReport report = StoreFixtures.vulnerable("a1b2c3d4e5f6", T0);
        assertThat(store.save(report)).isEqualTo("a1b2c3d4e5f6");
        ScanReport back = store.find("a1b2c3d4e5f6");
        assertThat(JsonReport.toJson(back)).isEqualTo(JsonReport.toJson(report));
    }

    @Test
    void aReportOfManyLargeFindingsIsStoredAndReadBackWhole() {
        ScanStore store = store();
        List<Finding> findings = new ArrayList<>();
        String evidence = "e".repeat(4_000) + " \u00e9\u4e2d";
        for (int i = 0; i < 600; i++) {
            findings.add(Finding.builder("check-" + i, Category.DATA_EXPOSURE).severity(Severity.LOW)
                    .confidence(dev.parapet.model.Confidence.FIRM).title("large " + i).evidence(evidence + i)
                    .endpoint(new dev.parapet.model.Endpoint("GET",
                            java.net.URI.create(StoreFixtures.TARGET + "/f/" + i),
                            dev.parapet.model.Endpoint.Source.DISCOVERED))
                    .remediation("fix it").build());
        }
        ScanReport report = StoreFixtures.report("b16b16b16b16", StoreFixtures.TARGET, T0, findings);
        store.save(report);
        assertThat(JsonReport.toJson(store.find("b16b16b16b16"))).isEqualTo(JsonReport.toJson(report));
        assertThat(store.history(null, 5, 0).getFirst().count(Severity.LOW)).isEqualTo(600);
    }

    @Test
    void historyCarriesEachScansVerdictFromItsStoredReport() {
        ScanStore store = store();
        store.save(StoreFixtures.vulnerable("9a9a9a9a0001", T0).withVerdict(Verdict.GRADED));
        store.save(StoreFixtures.vulnerable("9a9a9a9a0002", T0.plusSeconds(60)).withVerdict(Verdict.notGraded(
                Verdict.Reason.THROTTLED, "every one of 82 answers was 429 Too Many Requests", "lower --rate")));
        List<StoredScan> history = store.history(null, 10, 0);
        assertThat(history.get(0).verdict()).hasValueSatisfying(v -> {
            assertThat(v.graded()).isFalse();
            assertThat(v.reason()).isEqualTo(Verdict.Reason.THROTTLED);
            assertThat(v.detail()).isEqualTo("every one of 82 answers was 429 Too Many Requests");
        });
        assertThat(history.get(1).verdict()).contains(Verdict.GRADED);
    }

    @Test
    void findAcceptsAUniquePrefixOfTheId() {
        ScanStore store = store();
        store.save(StoreFixtures.vulnerable("abcd11112222", T0));
        store.save(StoreFixtures.vulnerable("abce33334444", T0.plusSeconds(5)));
        assertThat(store.find("abcd1").scanId()).isEqualTo("abcd11112222");
        assertThatThrownBy(() -> store.find("abc%")).isInstanceOf(StoreException.class)
                .hasMessageContaining("parapet history");
        assertThatThrownBy(() -> store.find("abc")).hasMessageContaining("no stored scan");
        assertThatThrownBy(() -> store.find("abcd1111x")).hasMessageContaining("no stored scan");
    }

    @Test
    void ambiguousPrefixNamesTheCandidates() {
        ScanStore store = store();
        store.save(StoreFixtures.vulnerable("ffff00000001", T0));
        store.save(StoreFixtures.vulnerable("ffff00000002", T0));
        assertThatThrownBy(() -> store.find("ffff0000")).isInstanceOf(StoreException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("ffff00000001")
                .hasMessageContaining("ffff00000002");
    }

    @Test
    void unknownIdSaysHowToListIds() {
        assertThatThrownBy(() -> store().find("0123456789ab")).isInstanceOf(StoreException.class)
                .hasMessageContaining("0123456789ab").hasMessageContaining("parapet history");
    }

    @Test
    void savingTheSameScanTwiceIsRefusedAndKeepsTheFirst() {
        ScanStore store = store();
        ScanReport report = StoreFixtures.vulnerable("dupe00000001", T0);
        store.save(report);
        assertThatThrownBy(() -> store.save(report)).isInstanceOf(StoreException.class)
                .hasMessageContaining("already stored");
        assertThat(store.history(null, 10, 0)).hasSize(1);
        assertThat(store.history(null, 10, 0).getFirst().count(Severity.CRITICAL)).isEqualTo(1);
    }

    @Test
    void historyIsNewestFirstWithCountsBySeverityAndFiltersByTarget() {
        ScanStore store = store();
        store.save(StoreFixtures.vulnerable("0000000000a1", T0));
        store.save(StoreFixtures.remediated("0000000000a2", T0.plusSeconds(60)));
        store.save(StoreFixtures.report("0000000000b1", "http://127.0.0.1:9090/", T0.plusSeconds(30),
                List.of(StoreFixtures.envFile())));
        store.save(StoreFixtures.report("0000000000c1", "http://127.0.0.1:8080/apiary", T0.plusSeconds(90),
                List.of()));

        List<StoredScan> all = store.history(null, 10, 0);
        assertThat(all).extracting(StoredScan::id)
                .containsExactly("0000000000c1", "0000000000a2", "0000000000b1", "0000000000a1");
        StoredScan first = all.get(3);
        assertThat(first.startedAt()).isEqualTo(T0);
        assertThat(first.count(Severity.CRITICAL)).isEqualTo(1);
        assertThat(first.count(Severity.HIGH)).isEqualTo(1);
        assertThat(first.count(Severity.MEDIUM)).isEqualTo(1);
        assertThat(first.count(Severity.INFO)).isEqualTo(1);
        assertThat(first.count(Severity.LOW)).isZero();
        assertThat(first.complete()).isTrue();
        assertThat(first.score()).isNotNull();

        assertThat(store.history(StoreFixtures.TARGET + "/", 10, 0)).extracting(StoredScan::id)
                .containsExactly("0000000000a2", "0000000000a1");
        assertThat(store.history(null, 2, 1)).extracting(StoredScan::id)
                .containsExactly("0000000000a2", "0000000000b1");
        assertThat(store.history("http://nowhere.test", 10, 0)).isEmpty();
    }

    @Test
    void diffSplitsFindingsIntoNewResolvedAndUnchangedByFingerprint() {
        ScanStore store = store();
        store.save(StoreFixtures.vulnerable("d1ff00000001", T0));
        store.save(StoreFixtures.remediated("d1ff00000002", T0.plusSeconds(60)));
        ScanDiff diff = store.diff("d1ff00000001", "d1ff00000002");
        assertThat(diff.resolved()).extracting(Finding::checkId)
                .containsExactlyInAnyOrder("sql-identifier-injection", "readable-env-file");
        assertThat(diff.added()).extracting(Finding::checkId).containsExactly("missing-security-headers");
        assertThat(diff.unchanged()).extracting(Finding::checkId)
                .containsExactlyInAnyOrder("cors-reflected-origin", "server-fingerprint");
        assertThat(diff.scoreDelta()).hasValueSatisfying(d -> assertThat(d).isPositive());
        ScanDiff.CategoryDelta input = diff.categories().stream()
                .filter(c -> c.category() == Category.INPUT_VALIDATION).findFirst().orElseThrow();
        assertThat(input.resolved()).isEqualTo(1);
        assertThat(input.fromFindings()).isEqualTo(2);
        assertThat(input.toFindings()).isEqualTo(1);
        assertThat(input.scoreDelta()).hasValueSatisfying(d -> assertThat(d).isPositive());
    }

    @Test
    void eightScansSavedAtOnceAreAllStoredWhole() throws Exception {
        ScanStore store = store();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> saved = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ScanReport report = StoreFixtures.vulnerable(String.format("c0ffee%06d", i), T0.plusSeconds(i));
                Callable<String> save = () -> {
                    start.await();
                    return store.save(report);
                };
                saved.add(pool.submit(save));
            }
            start.countDown();
            for (Future<String> f : saved) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredScan> history = store.history(null, 100, 0);
        assertThat(history).hasSize(threads);
        assertThat(history).allSatisfy(s -> {
            assertThat(s.count(Severity.CRITICAL)).isEqualTo(1);
            assertThat(s.count(Severity.INFO)).isEqualTo(1);
        });
        assertThat(store.find("c0ffee000007").findings()).hasSize(4);
    }
}
