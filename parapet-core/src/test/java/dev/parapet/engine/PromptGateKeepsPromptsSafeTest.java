package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Inventory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PromptGateKeepsPromptsSafeTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:9/");
    private static final URI CHAT = TARGET.resolve("/v1/chat/completions");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpRequestRecord> received = new CopyOnWriteArrayList<>();
    private final FakeClock clock = new FakeClock();

    @Test
    void refusesEveryPromptInPassiveMode() throws Exception {
        Exchange e = gate(ScanMode.PASSIVE, sender(Duration.ZERO)).prompt(CHAT, "hello", new ProbeBudget(5));
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.REFUSED);
        assertThat(e.error()).contains("passive mode");
        assertThat(received).isEmpty();
    }

    @Test
    void refusesUrlsTheScanDidNotRecogniseAsLlmEndpoints() throws Exception {
        ProbeBudget budget = new ProbeBudget(5);
        Exchange e = gate(ScanMode.SAFE, sender(Duration.ZERO)).prompt(TARGET.resolve("/api/orders"), "hi", budget);
        assertThat(e.outcome()).isEqualTo(ExchangeOutcome.REFUSED);
        assertThat(e.error()).contains("/api/orders").contains("LLM endpoint");
        assertThat(received).isEmpty();
        assertThat(budget.used()).isZero();
    }

    @Test
    void refusesEmptyAndOversizedText() throws Exception {
        PromptGate gate = gate(ScanMode.SAFE, sender(Duration.ZERO));
        assertThat(gate.prompt(CHAT, " ", new ProbeBudget(5)).outcome()).isEqualTo(ExchangeOutcome.REFUSED);
        assertThat(gate.prompt(CHAT, "x".repeat(PromptGate.MAX_TEXT_CHARS + 1), new ProbeBudget(5)).outcome())
                .isEqualTo(ExchangeOutcome.REFUSED);
        assertThat(received).isEmpty();
    }

    @Test
    void buildsTheJsonBodyItselfAroundTheText() throws Exception {
        gate(ScanMode.SAFE, sender(Duration.ZERO)).prompt(URI.create(CHAT + "?stream=1"), "say \"hi\"", new ProbeBudget(5));
        HttpRequestRecord sent = received.getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri()).isEqualTo(CHAT);
        assertThat(sent.headers().first("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("say \"hi\"");
    }

    @Test
    void sendsInActiveModeToo() throws Exception {
        assertThat(gate(ScanMode.ACTIVE, sender(Duration.ZERO)).prompt(CHAT, "hi", new ProbeBudget(5)).outcome())
                .isEqualTo(ExchangeOutcome.ANSWERED);
    }

    @Test
    void sendsOnePromptAtATimeEachAtLeastHalfASecondAfterTheLast() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        PromptGate gate = new PromptGate(ScanMode.SAFE, inventory(), request -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(20);
            inFlight.decrementAndGet();
            return answer(request);
        }, InstantSource.system(), PromptGate.sleeping(InstantSource.system()));
        ProbeBudget budget = new ProbeBudget(10);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Exchange>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                all.add(pool.submit(() -> gate.prompt(CHAT, "prompt " + n, budget)));
            }
            for (Future<Exchange> f : all) {
                assertThat(f.get().outcome()).isEqualTo(ExchangeOutcome.ANSWERED);
            }
        }
        assertThat(mostInFlight).hasValue(1);
        List<Instant> at = gate.sendInstants();
        assertThat(at).hasSize(4);
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i))).isGreaterThanOrEqualTo(PromptGate.SPACING);
        }
    }

    @Test
    void refusesPromptsOnceTheScansThirtySecondWindowIsUsedUp() throws Exception {
        PromptGate gate = gate(ScanMode.SAFE, sender(Duration.ofSeconds(12)));
        ProbeBudget budget = new ProbeBudget(10);
        List<ExchangeOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(gate.prompt(CHAT, "prompt " + i, budget).outcome());
        }
        assertThat(outcomes).containsExactly(ExchangeOutcome.ANSWERED, ExchangeOutcome.ANSWERED,
                ExchangeOutcome.ANSWERED, ExchangeOutcome.REFUSED);
        Exchange late = gate.prompt(CHAT, "late", budget);
        assertThat(late.error()).contains("30 s window");
        assertThat(received).hasSize(3);
        assertThat(budget.used()).as("refused prompts cost nothing").isEqualTo(3);
    }

    @Test
    void spacesPromptsOnTheGatesOwnClock() throws Exception {
        PromptGate gate = gate(ScanMode.SAFE, sender(Duration.ofMillis(100)));
        for (int i = 0; i < 3; i++) {
            gate.prompt(CHAT, "prompt " + i, new ProbeBudget(5));
        }
        assertThat(gate.sendInstants()).containsExactly(FakeClock.START, FakeClock.START.plusMillis(500),
                FakeClock.START.plusMillis(1000));
    }

    @Test
    void takesEachPromptFromTheAskingChecksBudget() throws Exception {
        PromptGate gate = gate(ScanMode.SAFE, sender(Duration.ZERO));
        ProbeBudget budget = new ProbeBudget(2);
        gate.prompt(CHAT, "one", budget);
        gate.prompt(CHAT, "two", budget);
        Exchange third = gate.prompt(CHAT, "three", budget);
        assertThat(third.outcome()).isEqualTo(ExchangeOutcome.BUDGET_EXHAUSTED);
        assertThat(received).hasSize(2);
        assertThat(budget.refused()).isEqualTo(1);
    }

    private PromptGate gate(ScanMode mode, PromptGate.Sender sender) {
        return new PromptGate(mode, inventory(), sender, clock, clock::jumpTo);
    }

    /** Records what it is asked to send and answers after {@code takes} of the fake clock. */
    private PromptGate.Sender sender(Duration takes) {
        return request -> {
            received.add(request);
            clock.jumpTo(clock.instant().plus(takes));
            return answer(request);
        };
    }

    private static Exchange answer(HttpRequestRecord request) {
        return Exchange.answered(request, new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"),
                "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}", 40, false, ""), Duration.ZERO, 0);
    }

    private static Inventory inventory() {
        return new Inventory(TARGET, List.of(new Endpoint("GET", TARGET, Endpoint.Source.TARGET),
                new Endpoint("GET", CHAT, Endpoint.Source.DISCOVERED),
                new Endpoint("GET", TARGET.resolve("/api/orders"), Endpoint.Source.DISCOVERED)), List.of(), List.of());
    }

    /** A clock that moves only when told to; pauses jump it forward. */
    private static final class FakeClock implements InstantSource {
        static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
        private volatile Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        void jumpTo(Instant when) {
            if (when.isAfter(now)) {
                now = when;
            }
        }
    }
}
