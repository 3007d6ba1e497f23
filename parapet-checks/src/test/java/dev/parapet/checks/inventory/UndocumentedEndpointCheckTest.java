package dev.parapet.checks.inventory;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.SpecFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UndocumentedEndpointCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new UndocumentedEndpointCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SpecFixtures.driftingApi();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SpecFixtures.faithfulApi();
    }

    @Test
    void reportsTheLiveRouteTheSpecOmitsButNotTheRootOrTheSpecItself() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            assertThat(scan(server).findings()).extracting(Finding::title)
                    .containsExactly("Live endpoint GET /api/internal/stats is missing from the API description");
        }
    }

    @Test
    void derivesTheBasePathFromTheMappedOperations() {
        ApiOperation op = new ApiOperation("GET", "/users/{id}", "", false, List.of(), false, Set.of(), Set.of(),
                List.of(), Optional.of(URI.create("http://127.0.0.1:1/api/v2/users/1")));
        ApiSpec spec = new ApiSpec("s", "3.0.3", List.of(op), List.of(), List.of(), 1, 0);
        assertThat(UndocumentedEndpointCheck.basePath(spec)).isEqualTo("/api/v2");
        ApiOperation root = new ApiOperation("GET", "/users", "", false, List.of(), false, Set.of(), Set.of(),
                List.of(), Optional.of(URI.create("http://127.0.0.1:1/users")));
        assertThat(UndocumentedEndpointCheck.basePath(new ApiSpec("s", "", List.of(root), List.of(), List.of(), 1,
                0))).isEmpty();
    }
}
