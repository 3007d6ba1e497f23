package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.spi.ApiOperation;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ListIdsTakesIdsFromCollectionsTest {

    private static ApiOperation op(String template, String uri) {
        return new ApiOperation("GET", template, "", false, List.of(), false, Set.of(), Set.of(), List.of(),
                Optional.of(URI.create(uri)));
    }

    @Test
    void readsTheIdFromTopLevelArraysAndCommonWrappers() {
        assertThat(ListIds.firstId("[{\"id\":42,\"name\":\"a\"}]", "userId")).contains("42");
        assertThat(ListIds.firstId("{\"data\":[{\"userId\":\"u-7\",\"id\":3}]}", "userId")).contains("u-7");
        assertThat(ListIds.firstId("{\"count\":0}", "id")).isEmpty();
        assertThat(ListIds.firstId("[]", "id")).isEmpty();
        assertThat(ListIds.firstId("not json", "id")).isEmpty();
    }

    @Test
    void leavesOperationsWithoutAListedCollectionAsSynthesised() {
        ApiOperation item = op("/users/{id}", "http://127.0.0.1:1/v1/users/1");
        ApiOperation list = op("/users", "http://127.0.0.1:1/v1/users");
        assertThat(ListIds.withListedId(item, List.of(item, list), List.of())).isEqualTo(item);
        assertThat(ListIds.withListedId(op("/users/{id}/orders", "http://127.0.0.1:1/v1/users/1/orders"),
                List.of(list), List.of()).uri()).contains(URI.create("http://127.0.0.1:1/v1/users/1/orders"));
    }

    @Test
    void callsTheItemWithTheFirstListedId() {
        ApiOperation item = op("/users/{id}", "http://127.0.0.1:1/v1/users/1");
        ApiOperation list = op("/users", "http://127.0.0.1:1/v1/users");
        Exchange answered = answered(URI.create("http://127.0.0.1:1/v1/users"),
                "[{\"id\":\"ab c\"}]");
        assertThat(ListIds.withListedId(item, List.of(item, list), List.of(answered)).uri())
                .contains(URI.create("http://127.0.0.1:1/v1/users/ab%20c"));
    }

    /** A recorded 200 JSON answer. */
    private static Exchange answered(URI uri, String body) {
        HttpRequestRecord req = new HttpRequestRecord("GET", uri, Headers.EMPTY, "");
        return Exchange.answered(req, new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"),
                body, body.length(), false, ""), Duration.ofMillis(1), 0);
    }
}
