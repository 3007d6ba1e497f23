package dev.parapet.labs;

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

/**
 * The lab's two logins, alice (the scan's primary identity) and bob (the secondary), each logged in through
 * {@code POST /login} the way a user would before handing Parapet their tokens. Immutable.
 *
 * @param aliceToken alice's bearer token
 * @param bobToken   bob's bearer token
 */
record LabLogins(String aliceToken, String bobToken) {

    /** Lab passwords, as documented in the lab's README. */
    static final String ALICE_PASSWORD = "alice-lab-password";
    static final String BOB_PASSWORD = "bob-lab-password";

    static LabLogins logIn(URI base) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return new LabLogins(token(client, base, "alice", ALICE_PASSWORD), token(client, base, "bob", BOB_PASSWORD));
        }
    }

    /** Alice's role as {@code GET /me} shows it now. */
    String aliceRole(URI base) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/me"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + aliceToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(r.body()).path("role").asText();
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

    private static String token(HttpClient client, URI base, String user, String password)
            throws IOException, InterruptedException {
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("username", user, "password", password));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /login as " + user + " answered " + r.statusCode() + ": " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).path("token").asText();
    }
}
