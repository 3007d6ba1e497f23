package dev.parapet.checks.authentication;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.SessionFixtures;
import dev.parapet.testkit.fixtures.SessionFixtures.Ids;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PredictableSessionIdCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new PredictableSessionIdCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SessionFixtures.shop(Ids.COUNTER);
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SessionFixtures.shop(Ids.RANDOM);
    }

    private List<Finding> findings(Ids ids) throws IOException {
        try (LoopbackHttpServer server = SessionFixtures.shop(ids)) {
            return scan(server).findings();
        }
    }

    @Test
    void aCounterIsHighAndItsValuesStayMasked() throws IOException {
        assertThat(findings(Ids.COUNTER)).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Session cookie SESSIONID is predictable (counter)");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).contains("6 fresh sessions from GET /", "count up by [1, 1, 1, 1, 1]")
                    .doesNotContain("sess-10004");
        });
    }

    @Test
    void theTimeOfIssueIsHigh() throws IOException {
        assertThat(findings(Ids.TIMESTAMP)).extracting(Finding::title, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Session cookie sid is predictable (timestamp)",
                        Severity.HIGH));
    }

    @Test
    void aShortRandomIdIsMedium() throws IOException {
        assertThat(findings(Ids.SHORT_RANDOM)).extracting(Finding::title, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Session cookie PHPSESSID is predictable (short)",
                        Severity.MEDIUM));
    }

    @Test
    void judgesVaryingBitsNotLengthAlone() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        // a time-based UUID: long, but only its time field changes between sessions issued a moment apart
        List<String> uuids = List.of("c232ab00-9414-11ec-b3c8-9f6bdeced846", "c232ab7e-9414-11ec-b3c8-9f6bdeced846",
                "c232ac12-9414-11ec-b3c8-9f6bdeced846", "c232ad40-9414-11ec-b3c8-9f6bdeced846");
        assertThat(SessionIds.judge(uuids, now)).map(SessionIds.Weakness::kind).contains("low-entropy");
        // a timestamp beside 128 random bits is no weakness
        List<String> stamped = List.of("1800000000-6b1d0e7c2a9f4b3e8d5c7a1f0e2b4d6c",
                "1800000001-0f9e8d7c6b5a49382716a5b4c3d2e1f0", "1800000002-a1b2c3d4e5f60718293a4b5c6d7e8f90",
                "1800000003-5e4d3c2b1a0f9e8d7c6b5a4938271605");
        assertThat(SessionIds.judge(stamped, now)).isEmpty();
    }
}
