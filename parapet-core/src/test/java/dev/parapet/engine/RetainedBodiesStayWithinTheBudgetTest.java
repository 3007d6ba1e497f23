package dev.parapet.engine;

import dev.parapet.model.Category;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedBodiesStayWithinTheBudgetTest {

    @Test
    void keepsBodiesWholeWhileTheBudgetLastsThenOnlyTheirWindow() {
        RetainedBodies retained = new RetainedBodies(3_000, 100);
        Exchange first = answered("/a", "a".repeat(1_000));
        Exchange second = answered("/b", "b".repeat(1_500));
        Exchange third = answered("/c", "c".repeat(1_000));
        assertThat(retained.keep(first)).isSameAs(first);
        assertThat(retained.keep(second)).isSameAs(second);
        Exchange cut = retained.keep(third);
        assertThat(cut.body()).isEqualTo("c".repeat(100));
        assertThat(cut.response().truncated()).isTrue();
        assertThat(cut.response().bodyBytes()).isEqualTo(1_000);
        assertThat(retained.keptChars()).isEqualTo(2_500);
        Exchange small = answered("/d", "d".repeat(90));
        assertThat(retained.keep(small)).isSameAs(small);
    }

    @Test
    void theProbeCacheHandsTheSenderTheWholeAnswerAndKeepsOnlyTheWindowPastTheBudget() throws Exception {
        ProbeCache cache = new ProbeCache(new RetainedBodies(0, 10));
        ProbeRequest probe = ProbeRequest.get(URI.create("http://127.0.0.1:1/big"));
        String body = "{\"items\":[" + "1,".repeat(500) + "1]}";
        Exchange sent = cache.get(probe, p -> answered("/big", body));
        Exchange shared = cache.get(probe, p -> {
            throw new AssertionError("a kept answer is not sent again");
        });
        assertThat(sent.body()).isEqualTo(body);
        assertThat(shared.body()).isEqualTo(body.substring(0, 10));
        assertThat(shared.response().truncated()).isTrue();
    }

    @Test
    void aFindingKeepsABoundedWindowOfEachBodyAndOfItsEvidenceButNotesTheLengthRead() {
        String body = "x".repeat(ScanEngine.FINDING_BODY_CHARS * 4);
        Finding f = Finding.builder("data-exposure-test", Category.DATA_EXPOSURE).title("big")
                .evidence("e".repeat(ScanEngine.FINDING_EVIDENCE_CHARS * 3)).exchange(answered("/big", body))
                .build();
        Finding bounded = f.withBoundedWindows(ScanEngine.FINDING_BODY_CHARS, ScanEngine.FINDING_EVIDENCE_CHARS);
        assertThat(bounded.exchanges().getFirst().body()).hasSize(ScanEngine.FINDING_BODY_CHARS);
        assertThat(bounded.exchanges().getFirst().response().bodyBytes()).isEqualTo(body.length());
        assertThat(bounded.exchanges().getFirst().response().truncated()).isTrue();
        assertThat(bounded.evidence()).hasSize(ScanEngine.FINDING_EVIDENCE_CHARS);
        assertThat(bounded.fingerprint()).isEqualTo(f.fingerprint());
        Finding small = Finding.builder("data-exposure-test", Category.DATA_EXPOSURE).title("small")
                .evidence("e").exchange(answered("/s", "ok")).build();
        assertThat(small.withBoundedWindows(10, 10)).isSameAs(small);
    }

    @Test
    void aWindowNeverSplitsASurrogatePair() {
        Exchange e = answered("/u", "ab\uD83D\uDE00cd");
        assertThat(e.withBodyWindow(3).body()).isEqualTo("ab");
    }

    private static Exchange answered(String path, String body) {
        HttpRequestRecord req = new HttpRequestRecord("GET", URI.create("http://127.0.0.1:1" + path), Headers.EMPTY,
                "");
        return Exchange.answered(req, new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"),
                body, body.length(), false, ""), Duration.ZERO, 0);
    }
}
