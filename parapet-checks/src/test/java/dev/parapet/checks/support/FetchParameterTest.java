package dev.parapet.checks.support;

import dev.parapet.model.Endpoint;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.Inventory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FetchParameterTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");
    private static final Set<String> WORDS = Set.of("url", "image", "feed");

    @Test
    void findsParametersByUrlValueByNameAndBySpecFormatStrongestFirst() {
        ApiOperation importFeed = new ApiOperation("GET", "/import", "", false,
                List.of(new ApiParameter("query", "source", false, "string", "uri", "https://example.com/"),
                        new ApiParameter("query", "limit", false, "integer", "", "10")),
                false, Set.of(), Set.of(), List.of(), Optional.of(TARGET.resolve("/import")));
        Inventory inventory = new Inventory(TARGET, List.of(
                get("/thumb?imageUrl=cat.png"),
                get("/go?to=https%3A%2F%2Fexample.org%2F&lang=en"),
                get("/search?q=lamp")), List.of(), List.of(),
                new ApiSpec("spec.json", "3.0.3", List.of(importFeed), List.of(), List.of(), 1, 0));

        List<FetchParameter> found = FetchParameter.find(inventory, WORDS, 10);

        assertThat(found).extracting(FetchParameter::name).containsExactly("to", "source", "imageUrl");
        assertThat(found).extracting(FetchParameter::hint).containsExactly(FetchParameter.Hint.URL_VALUE,
                FetchParameter.Hint.SPEC_FORMAT, FetchParameter.Hint.NAME);
        assertThat(found.get(1).uri().toString()).isEqualTo("http://127.0.0.1:8080/import?source=https%3A%2F%2Fexample.com%2F");
    }

    @Test
    void replacesOnlyItsOwnValueAndKeepsTheOtherPairsAsTheyWere() {
        FetchParameter p = FetchParameter.find(new Inventory(TARGET, List.of(get("/go?lang=en%2Dgb&to=https://a.example/")),
                List.of(), List.of()), WORDS, 5).getFirst();
        assertThat(p.withValue("http://127.0.0.1:9/t").toString())
                .isEqualTo("http://127.0.0.1:8080/go?lang=en%2Dgb&to=http%3A%2F%2F127.0.0.1%3A9%2Ft");
    }

    @Test
    void splitsNamesIntoWordsAtCaseChangesAndPunctuation() {
        assertThat(FetchParameter.hasWord("avatarURL", Set.of("url"))).isTrue();
        assertThat(FetchParameter.hasWord("avatarUrl", Set.of("url"))).isTrue();
        assertThat(FetchParameter.hasWord("feed_source", Set.of("feed"))).isTrue();
        assertThat(FetchParameter.hasWord("curly", Set.of("url"))).isFalse();
    }

    private static Endpoint get(String pathAndQuery) {
        return new Endpoint("GET", TARGET.resolve(pathAndQuery), Endpoint.Source.DISCOVERED);
    }
}
