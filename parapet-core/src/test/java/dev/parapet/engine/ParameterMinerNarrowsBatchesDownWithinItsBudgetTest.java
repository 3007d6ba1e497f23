package dev.parapet.engine;

import dev.parapet.model.Exchange;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterMinerNarrowsBatchesDownWithinItsBudgetTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:9000/api/catalog");
    private static final List<String> NAMES = DiscoveryData.INSTANCE.mining.names();
    private final List<URI> sent = new ArrayList<>();

    private List<String> mine(Function<Map<String, String>, String> server, int budget) throws InterruptedException {
        ParameterMiner miner = new ParameterMiner(u -> {
            sent.add(u);
            return json(u, server.apply(query(u)));
        }, NAMES, budget, new SplittableRandom(11));
        return miner.mine(ENDPOINT, json(ENDPOINT, server.apply(Map.of())));
    }

    private static Exchange json(URI u, String body) {
        return SoftNotFoundTellsCatchAllAnswersFromRoutesTest.answer(u, 200, "application/json", body);
    }

    private static Map<String, String> query(URI u) {
        Map<String, String> q = new java.util.HashMap<>();
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return q;
    }

    private static final String ALL = "{\"items\":[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}]}";

    @Test
    void findsTheOneFilterParameterTheEndpointReactsTo() throws InterruptedException {
        List<String> found = mine(q -> q.containsKey("category") ? "{\"items\":[]}" : ALL, 12);
        assertThat(found).containsExactly("category");
        assertThat(sent).hasSizeLessThanOrEqualTo(12);
        assertThat(sent).allMatch(u -> u.getRawQuery().length() <= ParameterMiner.MAX_QUERY);
    }

    @Test
    void findsAReflectedParameterWhoseAnswerKeepsItsLength() throws InterruptedException {
        List<String> found = mine(q -> "{\"items\":[],\"echo\":\"" + q.getOrDefault("callback", "xxxxxxxxxxx") + "\"}",
                12);
        assertThat(found).containsExactly("callback");
    }

    @Test
    void anEndpointIgnoringParametersCostsTheBaselineAndOneRequestPerBatch() throws InterruptedException {
        assertThat(mine(q -> ALL, 12)).isEmpty();
        assertThat(sent).hasSizeLessThanOrEqualTo(1 + (NAMES.size() * 20 / ParameterMiner.MAX_QUERY) + 1);
    }

    @Test
    void anEndpointThatRejectsUnknownParametersIsNotMined() throws InterruptedException {
        assertThat(mine(q -> q.isEmpty() ? ALL : "{\"error\":\"unknown parameter\"}", 12)).isEmpty();
        assertThat(sent).hasSize(1);
    }

    @Test
    void anAnswerThatVariesAnywayIsComparedOnlyOnWhatStaysStable() throws InterruptedException {
        int[] n = {0};
        List<String> found = mine(q -> q.containsKey("page") ? "{\"items\":[],\"served\":" + (n[0]++) + "}"
                : ALL.replace("]}", "],\"served\":" + (n[0]++) + "}"), 12);
        assertThat(found).containsExactly("page");
    }

    @Test
    void neverSendsMoreThanItsBudget() throws InterruptedException {
        mine(q -> q.size() > 3 ? "{\"items\":[]}" : ALL, 5);
        assertThat(sent).hasSizeLessThanOrEqualTo(5);
    }
}
