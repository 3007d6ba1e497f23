package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostHealthCountsConsecutiveFailuresTest {

    private final List<String> stops = new ArrayList<>();
    private final HostHealth health = new HostHealth(3, stops::add);

    @Test
    void stopsTheScanOnceAfterTheBudgetOfFailuresInARow() {
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "connection refused by 127.0.0.1:1"));
        health.record(failed(ExchangeOutcome.TIMEOUT, "timed out after 3 s"));
        assertThat(stops).isEmpty();
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "connection refused by 127.0.0.1:1"));
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "connection refused by 127.0.0.1:1"));
        assertThat(stops).containsExactly("the target stopped answering: 3 requests in a row failed "
                + "(last: connection refused by 127.0.0.1:1)");
    }

    @Test
    void anyAnswerEvenAnErrorStatusResetsTheCount() {
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "x"));
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "x"));
        health.record(answered(503));
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "x"));
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "x"));
        assertThat(stops).isEmpty();
    }

    @Test
    void requestsThatWereNeverSentNeitherCountNorReset() {
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "x"));
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "x"));
        health.record(failed(ExchangeOutcome.OUT_OF_SCOPE, "outside"));
        health.record(failed(ExchangeOutcome.BUDGET_EXHAUSTED, "spent"));
        health.record(failed(ExchangeOutcome.CANCELLED, "stopping"));
        assertThat(stops).isEmpty();
        health.record(failed(ExchangeOutcome.TIMEOUT, "timed out"));
        assertThat(stops).hasSize(1);
    }

    @Test
    void aTargetThatAnsweredAndThenWentDownNamesTheLastRequestItAnswered() {
        Exchange login = Exchange.answered(new HttpRequestRecord("GET", URI.create("http://127.0.0.1:1/login?x=1"),
                Headers.EMPTY, ""), new HttpResponseRecord(200, Headers.EMPTY, "", 0, false, ""), Duration.ZERO, 0);
        health.record(answered(200));
        health.record(login);
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "connection refused by 127.0.0.1:1"));
        assertThat(health.outage()).isEmpty();
        health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "connection reset"));
        health.record(failed(ExchangeOutcome.TIMEOUT, "timed out after 3 s"));
        assertThat(stops).containsExactly("the target stopped answering after answering GET /login?x=1: 3 requests "
                + "in a row failed (last: timed out after 3 s)");
        HostHealth.Outage outage = health.outage().orElseThrow();
        assertThat(outage.lastAnswered()).isSameAs(login);
        assertThat(outage.firstFailed().error()).isEqualTo("connection refused by 127.0.0.1:1");
        assertThat(outage.failures()).isEqualTo(3);
    }

    @Test
    void aTargetThatNeverAnsweredHasNoOutage() {
        for (int i = 0; i < 3; i++) {
            health.record(failed(ExchangeOutcome.TRANSPORT_ERROR, "connection refused"));
        }
        assertThat(stops).hasSize(1);
        assertThat(health.outage()).isEmpty();
    }

    private static Exchange failed(ExchangeOutcome outcome, String error) {
        return Exchange.failed(request(), outcome, error, Duration.ZERO);
    }

    private static Exchange answered(int status) {
        return Exchange.answered(request(), new HttpResponseRecord(status, Headers.EMPTY, "", 0, false, ""),
                Duration.ZERO, 0);
    }

    private static HttpRequestRecord request() {
        return new HttpRequestRecord("GET", URI.create("http://127.0.0.1:1/"), Headers.EMPTY, "");
    }
}
