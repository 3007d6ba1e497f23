package dev.parapet.checks.bola;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectRefsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsTheListUnderAWrapperOrAsTheOnlyArrayProperty() throws Exception {
        assertThat(ObjectRefs.listIn(json("{\"count\":2,\"orders\":[{\"order_id\":1},{\"order_id\":2}]}")))
                .hasValueSatisfying(l -> assertThat(l).hasSize(2));
        assertThat(ObjectRefs.listIn(json("{\"data\":[{\"id\":1}],\"links\":[{\"rel\":\"next\"}]}"))).isPresent();
        assertThat(ObjectRefs.listIn(json("{\"a\":[{\"id\":1}],\"b\":[{\"id\":2}]}"))).isEmpty();
        assertThat(ObjectRefs.listIn(json("{\"tags\":[\"x\",\"y\"]}"))).isEmpty();
    }

    @Test
    void treatsEqualIdsWithDifferentOwnersAsDifferentObjects() throws Exception {
        JsonNode a = json("{\"id\":7,\"owner\":\"alice\",\"total\":3}");
        assertThat(ObjectRefs.sameObject(a, json("{\"id\":7,\"owner\":\"alice\",\"total\":4}"), "id")).isTrue();
        assertThat(ObjectRefs.sameObject(a, json("{\"id\":7,\"owner\":\"bob\",\"total\":3}"), "id")).isFalse();
        assertThat(ObjectRefs.sameObject(a, json("{\"id\":8,\"owner\":\"alice\",\"total\":3}"), "id")).isFalse();
    }

    @Test
    void buildsObjectUrlsUnderTheCollectionWithTheIdEncoded() {
        URI c = URI.create("http://127.0.0.1:8080/api/orders");
        assertThat(ObjectRefs.child(c, "1007")).hasToString("http://127.0.0.1:8080/api/orders/1007");
        assertThat(ObjectRefs.child(c, "a b/c")).hasToString("http://127.0.0.1:8080/api/orders/a%20b%2Fc");
        assertThat(ObjectRefs.parent(URI.create("http://h/api/orders/1007"))).hasToString("http://h/api/orders");
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
