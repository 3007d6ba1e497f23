package dev.parapet.engine;

import dev.parapet.spi.ApiOperation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StateChangeSpotsStatefulGetsTest {

    private final StateChange stateChange = new StateChange(SurfaceVocabulary.get());

    private static ApiOperation get(String path, String id, String summary, List<String> tags) {
        return new ApiOperation("GET", path, id, false, List.of(), false, Set.of(), Set.of(), tags, Optional.empty(),
                summary, Optional.empty());
    }

    @Test
    void flagsPathsThatSayTheyChangeTheTarget() {
        for (String path : List.of("/createdb", "/api/reset", "/logout", "/users/{id}/delete", "/admin/dropTables",
                "/init", "/seed-data", "/api/v1/shutdown", "/log-out")) {
            assertThat(stateChange.ofPath("GET", path)).as(path).isPresent();
        }
    }

    @Test
    void leavesOrdinaryReadsAlone() {
        for (String path : List.of("/users", "/settings", "/api/v2/orders/{id}", "/status", "/search", "/exports",
                "/users/deleted", "/updates")) {
            assertThat(stateChange.ofPath("GET", path)).as(path).isEmpty();
        }
        assertThat(stateChange.ofPath("POST", "/reset")).as("only GETs are judged by words").isEmpty();
    }

    @Test
    void readsOperationIdsTagsAndSummaries() {
        assertThat(stateChange.of(get("/db", "resetDatabase", "", List.of()))).isPresent();
        assertThat(stateChange.of(get("/x", "", "Drops and re-creates the tables", List.of()))).isPresent();
        assertThat(stateChange.of(get("/x", "listUsers", "Lists the users", List.of("users")))).isEmpty();
        assertThat(stateChange.of(get("/lang/{code}", "setLanguage", "Sets the language cookie", List.of())))
                .as("changing the caller's own view is no change to the target").isEmpty();
        assertThat(stateChange.of(get("/tools/ping", "runPing", "Runs ping against a host", List.of())))
                .as("a tool a check must still reach").isEmpty();
    }
}
