package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.MethodsFixtures;
import org.junit.jupiter.api.Test;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.CheckOutcome;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DangerousMethodsCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new DangerousMethodsCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return MethodsFixtures.traceAndWritesAdvertised();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return MethodsFixtures.readOnly();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    @Test
    void confirmsTraceByTheEchoedUniqueHeader() throws IOException {
        Finding trace = findingsOn(MethodsFixtures.traceAndWritesAdvertised()).stream()
                .filter(f -> f.title().contains("TRACE")).findFirst().orElseThrow();
        assertThat(trace.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(trace.confidence()).isEqualTo(Confidence.CONFIRMED);
        String sent = trace.exchanges().getFirst().request().headers().first(DangerousMethodsCheck.TRACE_HEADER)
                .orElseThrow();
        assertThat(trace.exchanges().getFirst().body()).contains(sent);
    }

    @Test
    void ignoresTraceAnsweredWithoutEcho() throws IOException {
        assertThat(findingsOn(MethodsFixtures.traceWithoutEcho())).isEmpty();
    }

    @Test
    void reportsRouteSpecificWriteMethodsOnRootAndCollectionsAsFirm() throws IOException {
        Finding advertised = findingsOn(MethodsFixtures.traceAndWritesAdvertised()).stream()
                .filter(f -> f.title().contains("advertised")).findFirst().orElseThrow();
        assertThat(advertised.severity()).isEqualTo(Severity.LOW);
        assertThat(advertised.confidence()).isEqualTo(Confidence.FIRM);
        assertThat(advertised.evidence()).contains("OPTIONS / ->").contains("OPTIONS /books ->")
                .doesNotContain("/authors");
        assertThat(advertised.exchanges()).noneMatch(e -> List.of("PUT", "DELETE", "PATCH")
                .contains(e.request().method()));
    }

    @Test
    void treatsABlanketCorsMethodListAsTentative() throws IOException {
        assertThat(findingsOn(MethodsFixtures.blanketCorsMethods())).singleElement().satisfies(f -> {
            assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
            assertThat(f.evidence()).contains("Access-Control-Allow-Methods lists DELETE, PATCH, PUT");
        });
    }

    @Test
    void judgesOnlyTheRecordedOptionsAnswerInPassiveMode() throws InterruptedException {
        URI target = URI.create("http://127.0.0.1:9/");
        Exchange options = Exchange.answered(new HttpRequestRecord("OPTIONS", target, Headers.EMPTY, ""),
                new HttpResponseRecord(204, Headers.of("Allow", "GET, DELETE"), "", 0, false, ""), Duration.ZERO, 0);
        CheckOutcome outcome = check().run(PassiveContext.of(target, List.of(options)));
        assertThat(outcome).isInstanceOfSatisfying(CheckOutcome.Findings.class, f -> assertThat(f.findings())
                .singleElement().satisfies(finding -> assertThat(finding.confidence()).isEqualTo(Confidence.TENTATIVE)));
    }
}

