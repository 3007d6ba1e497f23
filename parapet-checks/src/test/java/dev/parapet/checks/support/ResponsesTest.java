package dev.parapet.checks.support;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsesTest {

    private static final URI ROOT = URI.create("http://api.test/");
    private static final URI USERS = URI.create("http://api.test/users");
    private static final URI ORDERS = URI.create("http://api.test/orders");
    private static final URI ITEMS = URI.create("http://api.test/items");

    /** Answers every probe with 200 and counts what it was asked. */
    private static final class CountingContext implements CheckContext {
        final List<URI> probed = new ArrayList<>();
        final Inventory inventory;
        int budget;

        CountingContext(Inventory inventory, int budget) {
            this.inventory = inventory;
            this.budget = budget;
        }

        @Override
        public Inventory inventory() {
            return inventory;
        }

        @Override
        public ScanMode mode() {
            return ScanMode.SAFE;
        }

        @Override
        public Exchange probe(ProbeRequest request) {
            probed.add(request.uri());
            budget--;
            return answered(request.uri());
        }

        @Override
        public int remainingBudget() {
            return budget;
        }

        @Override
        public TlsHandshake tlsHandshake(String protocol) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void fetchesOnlyKnownEndpointsWithoutARecordedAnswerWithinTheLimit() throws InterruptedException {
        Exchange refused = Exchange.failed(new HttpRequestRecord("GET", ORDERS, Headers.EMPTY, ""),
                ExchangeOutcome.TIMEOUT, "timed out", Duration.ZERO);
        Inventory inventory = new Inventory(ROOT, List.of(endpoint(ROOT), endpoint(USERS), endpoint(ITEMS),
                new Endpoint("DELETE", ORDERS, Endpoint.Source.SPEC)), List.of(answered(ROOT), refused), List.of());
        CountingContext ctx = new CountingContext(inventory, 10);

        List<Exchange> out = Responses.toExamine(ctx, 1);

        assertThat(ctx.probed).containsExactly(USERS);
        assertThat(out).extracting(e -> e.request().uri()).containsExactly(ROOT, USERS);
    }

    @Test
    void stopsFetchingWhenTheBudgetIsSpent() throws InterruptedException {
        Inventory inventory = new Inventory(ROOT, List.of(endpoint(ROOT), endpoint(USERS), endpoint(ITEMS)),
                List.of(answered(ROOT)), List.of());
        CountingContext ctx = new CountingContext(inventory, 1);

        Responses.toExamine(ctx, 10);

        assertThat(ctx.probed).containsExactly(USERS);
    }

    private static Endpoint endpoint(URI uri) {
        return new Endpoint("GET", uri, Endpoint.Source.SPEC);
    }

    private static Exchange answered(URI uri) {
        return Exchange.answered(new HttpRequestRecord("GET", uri, Headers.EMPTY, ""),
                new HttpResponseRecord(200, Headers.EMPTY, "{}", 2, false, ""), Duration.ZERO, 0);
    }
}
