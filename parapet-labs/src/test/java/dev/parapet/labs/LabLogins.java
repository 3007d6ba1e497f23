package dev.parapet.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.model.Headers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A lab's two logins, alice (the scan's primary identity) and bob (the secondary), each logged in through the lab's
 * login route the way a user would before handing Parapet their tokens. Immutable.
 *
 * @param aliceToken alice's bearer token
 * @param bobToken   bob's bearer token
 * @param routes     where the lab logs in and shows the caller's own account
 */
record LabLogins(String aliceToken, String bobToken, Routes routes) {

    /** Lab passwords, as documented in the labs' READMEs. */
    static final String ALICE_PASSWORD = "alice-lab-password";
    static final String BOB_PASSWORD = "bob-lab-password";

    /**
     * @param login      the path that takes {@code {"username","password"}} as JSON
     * @param tokenField the field of its answer that holds the bearer token
     * @param me         the path that answers the caller's own account as JSON
     */
    record Routes(String login, String tokenField, String me) {
        static final Routes KOA = new Routes("/login", "token", "/me");
        static final Routes FLASK = new Routes("/api/login", "access_token", "/api/me");
    }

    /** The koa-cockroach lab's logins. */
    static LabLogins logIn(URI base) throws IOException, InterruptedException {
        return logIn(base, Routes.KOA);
    }

    static LabLogins logIn(URI base, Routes routes) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return new LabLogins(token(client, base, routes, "alice", ALICE_PASSWORD),
                    token(client, base, routes, "bob", BOB_PASSWORD), routes);
        }
    }

    /** Alice's role as the lab's own-account route shows it now. */
    String aliceRole(URI base) throws IOException, InterruptedException {
        return aliceAccount(base).path("role").asText();
    }

    /** Alice's own account, as the lab's own-account route shows it now. */
    JsonNode aliceAccount(URI base) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(routes.me()))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + aliceToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(r.body());
        }
    }

    Identities identities() {
        return new Identities(bearer(aliceToken), bearer(bobToken));
    }

    List<String> tokens() {
        return List.of(bobToken, aliceToken);
    }

    private static Credentials bearer(String token) {
        return new Credentials(List.of(new Headers.Field("Authorization", "Bearer " + token)));
    }

    private static String token(HttpClient client, URI base, Routes routes, String user, String password)
            throws IOException, InterruptedException {
        String body = new ObjectMapper().writeValueAsString(Map.of("username", user, "password", password));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(routes.login()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + routes.login() + " as " + user + " answered " + r.statusCode()
                    + ": " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).path(routes.tokenField()).asText();
    }
}
