package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SoftNotFoundTellsCatchAllAnswersFromRoutesTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9000/api/v2/");

    static Exchange answer(URI uri, int status, String type, String body, String... headers) {
        Headers h = Headers.of(headers).with("Content-Type", type);
        return Exchange.answered(new HttpRequestRecord("GET", uri, Headers.EMPTY, ""),
                new HttpResponseRecord(status, h, body, body.length(), false, ""), Duration.ZERO, 0);
    }

    private static SoftNotFound learn(int status, String type, java.util.function.Function<URI, String> body) {
        List<URI> probes = SoftNotFound.probes(BASE, new SplittableRandom(7));
        return SoftNotFound.learn(BASE, probes.stream().map(u -> answer(u, status, type, body.apply(u))).toList());
    }

    @Test
    void madeUpPathsAreRandomSegmentsUnderTheBase() {
        List<URI> probes = SoftNotFound.probes(BASE, new SplittableRandom(1));
        assertThat(probes).hasSize(2).allMatch(u -> u.getPath().startsWith("/api/v2/")
                && u.getPath().contains(SoftNotFound.MARKER));
        assertThat(probes.get(1).getPath().substring(8)).contains("/");
    }

    @Test
    void aSinglePageAppsIndexForEveryPathIsNotARoute() {
        String index = "<!doctype html><html><head><title>Tea Shop</title></head><body><app-root></app-root></body></html>";
        SoftNotFound soft = learn(200, "text/html", u -> index);
        assertThat(soft.matches(answer(BASE.resolve("admin"), 200, "text/html", index))).isTrue();
        assertThat(soft.matches(answer(BASE.resolve("admin"), 200, "text/html",
                "<html><head><title>Admin console</title></head></html>"))).isFalse();
        assertThat(soft.matches(answer(BASE.resolve("users"), 200, "application/json", "[{\"id\":1}]"))).isFalse();
    }

    @Test
    void aJsonNotFoundSentWithStatus200AndTheEchoedPathIsNotARoute() {
        SoftNotFound soft = learn(200, "application/json",
                u -> "{\"error\":\"not found\",\"path\":\"" + u.getPath() + "\"}");
        assertThat(soft.matches(answer(BASE.resolve("actuator/env"), 200, "application/json",
                "{\"error\":\"not found\",\"path\":\"/api/v2/actuator/env\"}"))).isTrue();
        assertThat(soft.matches(answer(BASE.resolve("actuator/env"), 200, "application/json",
                "{\"activeProfiles\":[\"prod\"],\"propertySources\":[]}"))).isFalse();
    }

    @Test
    void plainNotFoundsNeverCountAndOtherStatusesDo() {
        SoftNotFound soft = learn(404, "text/html", u -> "<pre>Cannot GET " + u.getPath() + "</pre>");
        assertThat(soft.plain()).isTrue();
        assertThat(soft.matches(answer(BASE.resolve("admin"), 404, "text/html", "<pre>Cannot GET /api/v2/admin</pre>")))
                .isTrue();
        assertThat(soft.matches(answer(BASE.resolve("admin"), 401, "application/json", "{\"error\":\"login\"}")))
                .isFalse();
        assertThat(soft.matches(answer(BASE.resolve("admin"), 405, "text/plain", "")))
                .isFalse();
    }

    @Test
    void aGatewayThatRefusesEveryPathAloneIsNotARouteButARedirectElsewhereIs() {
        SoftNotFound refuses = learn(401, "application/json", u -> "{\"message\":\"Unauthorized\"}");
        assertThat(refuses.matches(answer(BASE.resolve("admin"), 401, "application/json",
                "{\"message\":\"Unauthorized\"}"))).isTrue();
        SoftNotFound redirects = SoftNotFound.learn(BASE, SoftNotFound.probes(BASE, new SplittableRandom(3)).stream()
                .map(u -> answer(u, 302, "text/html", "", "Location", "/login")).toList());
        assertThat(redirects.matches(answer(BASE.resolve("admin"), 302, "text/html", "", "Location", "/login")))
                .isTrue();
        assertThat(redirects.matches(answer(BASE.resolve("docs"), 302, "text/html", "", "Location",
                "/api/v2/docs/"))).isFalse();
    }

    @Test
    void aDirectoryWithAHandlerOfItsOwnAnswersMadeUpPathsDifferently() {
        SoftNotFound root = learn(404, "text/plain", u -> "Not Found");
        assertThat(root.sameHandler(answer(BASE.resolve("x/" + SoftNotFound.MARKER + "1"), 404, "text/plain",
                "Not Found"))).isTrue();
        assertThat(root.sameHandler(answer(BASE.resolve("x/" + SoftNotFound.MARKER + "1"), 404, "application/json",
                "{\"error\":\"no such route\"}"))).isFalse();
    }
}
