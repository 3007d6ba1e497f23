package dev.parapet.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryDataIsConsistentTest {

    private final DiscoveryData data = DiscoveryData.load();

    @Test
    void noGuessedPathLooksStateChangingOrNamesAnAsset() {
        List<String> paths = new ArrayList<>();
        data.wordlists.groups().forEach(g -> paths.addAll(g.paths()));
        data.wordlists.frameworks().forEach(f -> paths.addAll(f.paths()));
        paths.addAll(data.documents.everyPrefix());
        paths.addAll(data.documents.rootOnly());
        assertThat(paths).allSatisfy(p -> {
            assertThat(data.stateChanging(p)).as(p).isEmpty();
            assertThat(data.asset(p)).as(p).isFalse();
        });
    }

    @Test
    void neverGuessesHeavyDiagnostics() {
        List<String> paths = new ArrayList<>();
        data.wordlists.groups().forEach(g -> paths.addAll(g.paths()));
        data.wordlists.frameworks().forEach(f -> paths.addAll(f.paths()));
        assertThat(paths).noneMatch(p -> p.contains("heapdump") || p.contains("threaddump")
                || p.endsWith("pprof/profile") || p.endsWith("pprof/trace") || p.endsWith(".log"));
    }

    @Test
    void miningNamesAreUniqueAndEveryFrameworkHasASignal() {
        assertThat(new HashSet<>(data.mining.names())).hasSameSizeAs(data.mining.names());
        assertThat(data.mining.names()).hasSizeGreaterThan(200);
        assertThat(data.wordlists.frameworks()).allMatch(f -> !f.headers().isEmpty() || !f.bodies().isEmpty());
    }

    @Test
    void readsPathWordsAndLibraryScripts() {
        assertThat(data.stateChanging("/api/logout")).isPresent();
        assertThat(data.stateChanging("/users/deleteAll")).isPresent();
        assertThat(data.stateChanging("/api/users")).isEmpty();
        assertThat(data.libraryScript("/api-docs/swagger-ui-bundle.js")).isTrue();
        assertThat(data.libraryScript("/static/js/vendor.3f9a2c1b.js")).isTrue();
        assertThat(data.libraryScript("/static/js/main.4f9c2a.js")).isFalse();
        assertThat(data.valueFor("user_id")).isEqualTo("1");
        assertThat(data.valueFor("redirect")).isEqualTo("/");
        assertThat(data.valueFor("whatever")).isEqualTo("test");
        assertThat(data.documentationTool("<div id=\"swagger-ui\"></div>")).contains("Swagger UI");
    }
}
