package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.Inventory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParametersTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");

    private static Exchange json(URI uri, String body) {
        return Exchange.answered(new HttpRequestRecord("GET", uri, Headers.EMPTY, ""),
                new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"), body, body.length(), false,
                        ""), Duration.ZERO, 0);
    }

    @Test
    void replacesOneValueAndKeepsTheOtherParametersAsTheyWereEncoded() {
        URI uri = URI.create("http://h/data?table=products&q=a%20b&userId=1");
        assertThat(QueryParameters.withValue(uri, "table", "pg_catalog.pg_tables").toString())
                .isEqualTo("http://h/data?table=pg_catalog.pg_tables&q=a%20b&userId=1");
        assertThat(QueryParameters.withValue(uri, "table", "parapet_nx\"").getRawQuery())
                .startsWith("table=parapet_nx%22&");
        assertThat(QueryParameters.withRawValue(uri, "q", "../etc/passwd").getRawQuery())
                .isEqualTo("table=products&q=../etc/passwd&userId=1");
    }

    @Test
    void decodesParametersInOrder() {
        assertThat(QueryParameters.parse(URI.create("http://h/p?sort=created%20at&flag&order=asc")))
                .containsExactly(new QueryParameters.Parameter("sort", "created at"),
                        new QueryParameters.Parameter("flag", ""), new QueryParameters.Parameter("order", "asc"));
    }

    @Test
    void gathersParametersFromEndpointsAndFromLinksInRecordedJsonOnTheTargetOriginOnly() {
        Exchange root = json(TARGET, "{\"links\":{\"data\":\"/data?table=products\",\"ext\":"
                + "\"http://other.example/x?table=t\",\"tpl\":\"/items/{id}?sort=name\"}}");
        Inventory inventory = new Inventory(TARGET, List.of(new Endpoint("GET", TARGET, Endpoint.Source.TARGET),
                new Endpoint("GET", TARGET.resolve("/products?sort=name"), Endpoint.Source.DISCOVERED)),
                List.of(root), List.of());
        assertThat(QueryParameters.candidates(inventory)).extracting(QueryParameters.Candidate::key)
                .containsExactly("/products?sort", "/data?table");
    }
}
