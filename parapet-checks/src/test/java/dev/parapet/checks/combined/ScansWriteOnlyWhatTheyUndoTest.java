package dev.parapet.checks.combined;

import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.demo.LoopbackHttpServer.Request;
import dev.parapet.model.ScanReport;
import dev.parapet.model.WriteRecord;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.WriteFixtures;
import dev.parapet.testkit.fixtures.WriteFixtures.Weakness;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises about state, held for whole scans with every registered check against {@link WriteFixtures} with all
 * its defects planted (sign-up, profile, foreign and anonymous writes, a fetching avatar): safe mode sends no write
 * at all; active mode sends no DELETE without --allow-delete; with it, DELETE goes only to objects the scan
 * created; and either way the fixture ends as it started, every write listed as undone.
 */
class ScansWriteOnlyWhatTheyUndoTest {

    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private record Scan(ScanReport report, List<Request> received, String before, String after) {
    }

    private static Scan scan(boolean active, boolean allowDelete) throws Exception {
        List<Request> received = new CopyOnWriteArrayList<>();
        try (WriteFixtures.Api api = WriteFixtures.start(EnumSet.allOf(Weakness.class), received::add)) {
            String before = api.state();
            var config = active ? ActiveScans.config(api.uri(), TwoIdentities.aliceAndBob(), allowDelete)
                    : CheckHarness.config(api.uri()).withIdentities(TwoIdentities.aliceAndBob());
            ScanReport report = CheckHarness.scan(config, CombinedFixtureScanTest.allChecks());
            return new Scan(report, List.copyOf(received), before, api.state());
        }
    }

    @Test
    void safeModeSendsOnlyReadOnlyMethodsToAnApiFullOfWritableRoutes() throws Exception {
        Scan safe = scan(false, false);
        assertThat(safe.received()).extracting(Request::method).allMatch(READ_ONLY::contains);
        assertThat(safe.report().writes()).isEmpty();
        assertThat(safe.after()).isEqualTo(safe.before());
    }

    @Test
    void activeModeWithoutAllowDeleteSendsNoDeleteAndLeavesTheStateAsItFoundIt() throws Exception {
        Scan active = scan(true, false);
        assertThat(active.received()).extracting(Request::method).doesNotContain("DELETE").contains("PATCH");
        assertThat(active.report().findings()).extracting(f -> f.checkId()).contains("cross-identity-object-write",
                "write-without-credentials", "mass-assignment", "ssrf-oob-confirmed");
        assertThat(active.after()).isEqualTo(active.before());
        assertThat(active.report().writesNotUndone()).as("every write undone").isEmpty();
    }

    @Test
    void activeModeWithAllowDeleteDeletesOnlyWhatItCreatedAndLeavesNothingBehind() throws Exception {
        Scan active = scan(true, true);
        Set<String> created = new java.util.HashSet<>();
        for (WriteRecord w : active.report().writes()) {
            if (w.kind() == WriteRecord.Kind.CREATED) {
                created.add(URI.create(w.object()).getRawPath());
            }
        }
        List<String> deleted = active.received().stream().filter(r -> r.method().equals("DELETE"))
                .map(Request::path).toList();
        assertThat(deleted).isNotEmpty();
        assertThat(created).containsAll(deleted);
        assertThat(active.report().findings()).extracting(f -> f.checkId()).contains("mass-assignment");
        assertThat(active.after()).as("accounts, profiles and notes after the scan").isEqualTo(active.before());
        assertThat(active.report().writesNotUndone()).extracting(WriteRecord::display).isEmpty();
    }
}
