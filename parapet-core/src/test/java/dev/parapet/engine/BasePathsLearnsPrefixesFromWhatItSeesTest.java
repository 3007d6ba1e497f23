package dev.parapet.engine;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class BasePathsLearnsPrefixesFromWhatItSeesTest {

    private static final com.google.re2j.Pattern PREFIX = DiscoveryData.INSTANCE.prefixSegment;

    @Test
    void readsPrefixesFromLeadingSegmentsThatNameThem() {
        assertThat(BasePaths.prefixesOf("/api/v2/admin/users", PREFIX)).containsExactly("/api/", "/api/v2/");
        assertThat(BasePaths.prefixesOf("/rest/products/search", PREFIX)).containsExactly("/rest/");
        assertThat(BasePaths.prefixesOf("/v1/health", PREFIX)).containsExactly("/v1/");
        assertThat(BasePaths.prefixesOf("/shop/api/1.0/items", PREFIX)).containsExactly("/shop/api/", "/shop/api/1.0/");
        assertThat(BasePaths.prefixesOf("/static/js/main.js", PREFIX)).isEmpty();
        assertThat(BasePaths.prefixesOf("/users/42", PREFIX)).isEmpty();
        assertThat(BasePaths.prefixesOf("/a/b/api/x", PREFIX)).isEmpty();
    }

    @Test
    void putsTheOriginAndTheTargetFirstThenDeclaredThenMostSeen() {
        BasePaths bases = new BasePaths(URI.create("http://127.0.0.1:7000/service/"), PREFIX);
        bases.observe("/rest/a");
        bases.observe("/api/v2/b");
        bases.observe("/api/v2/c");
        bases.declare("/internal/v3");
        bases.declare("/{tenant}/x");
        assertThat(bases.top(5)).extracting(URI::getPath)
                .containsExactly("/", "/service/", "/internal/v3/", "/api/", "/api/v2/");
        assertThat(bases.top(2)).extracting(URI::getPath).containsExactly("/", "/service/");
    }

    @Test
    void anInventoryWithoutLearntBasesHasTheOriginAndTheTargetsPath() {
        assertThat(dev.parapet.spi.Inventory.defaultBasePaths(URI.create("http://h:1/api/v1")))
                .containsExactly(URI.create("http://h:1/"), URI.create("http://h:1/api/v1/"));
        assertThat(dev.parapet.spi.Inventory.defaultBasePaths(URI.create("http://h:1/?x=1")))
                .containsExactly(URI.create("http://h:1/"));
    }
}
