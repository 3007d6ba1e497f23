package dev.parapet.engine;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptRoutesFindsApiPathsInBundlesTest {

    private static final URI ORIGIN = URI.create("http://127.0.0.1:3000/");

    private static Map<String, List<String>> routes(String js) {
        return ScriptRoutes.in(js, ORIGIN, 1_000_000, 500).stream()
                .collect(Collectors.toMap(ScriptRoutes.Route::path, ScriptRoutes.Route::queryNames, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    @Test
    void findsFetchAxiosTemplateAndConcatenatedPathsWithTheirQueryNames() {
        Map<String, List<String>> r = routes("""
                fetch('/rest/products/search?q=' + encodeURIComponent(q));
                axios.get(`/api/users/${user.id}/orders`, {params: {}});
                this.http.get(this.host + "/rest/products/" + id + "/reviews");
                $.ajax({url: "/api/v2/items?sort=name&page=2"});
                const u = "http://127.0.0.1:3000/api/me";
                route("/track-order/:id"); openapi("/pets/{petId}");
                """);
        assertThat(r).containsEntry("/rest/products/search", List.of("q"))
                .containsEntry("/api/users/1/orders", List.of())
                .containsEntry("/rest/products/1", List.of())
                .containsEntry("/api/v2/items", List.of("sort", "page"))
                .containsEntry("/api/me", List.of())
                .containsEntry("/track-order/1", List.of())
                .containsEntry("/pets/1", List.of());
    }

    @Test
    void skipsProtocolRelativeUrlsOtherOriginsAssetsMimeTypesAndRegexSources() {
        Map<String, List<String>> r = routes("""
                const cdn = "//cdn.example.invalid/lib.js", other = "https://api.example.invalid/api/x";
                const mime = "application/json", root = "/", re = "/^\\\\d+$/", sp = "/a b";
                const date = /^\\d{4}\\/\\d{2}$/; const q = "?q=1";
                """);
        assertThat(r).isEmpty();
    }

    @Test
    void aStrayQuoteInACommentOrRegexCostsOneLineOnly() {
        Map<String, List<String>> r = routes("""
                // don't worry
                const re = /it's/; const a = "/api/first";
                const b = '/api/second';
                """);
        assertThat(r).containsKey("/api/second");
    }

    @Test
    void readsAMegabyteOfQuotesInLinearTime() {
        String hostile = "'\\\"`".repeat(350_000) + "`${".repeat(10_000);
        long t0 = System.nanoTime();
        ScriptRoutes.in(hostile, ORIGIN, 2_000_000, 500);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }
}
