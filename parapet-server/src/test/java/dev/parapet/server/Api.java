package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of a server under test on 127.0.0.1. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).GET().build());
    }

    /** An event stream, read to its end (the server ends it after the scan's final status). */
    HttpResponse<String> events(String id, String key) throws IOException, InterruptedException {
        return send(request("/api/v1/scans/" + id + "/events", key).header("Accept", "text/event-stream").GET()
                .build());
    }

    HttpResponse<byte[]> getBytes(String path, String key) throws IOException, InterruptedException {
        return http.send(request(path, key).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String key, String json) throws IOException, InterruptedException {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path, String key) throws IOException, InterruptedException {
        return send(request(path, key).DELETE().build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** Submits a one-check scan of {@code target} and returns its id. */
    String submit(String key, String target) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/v1/scans", key, "{\"target\":\"" + target
                + "\",\"checks\":[\"security-headers\"],\"maxTime\":\"20s\"}");
        if (r.statusCode() != 202) {
            throw new AssertionError("submit answered " + r.statusCode() + ": " + r.body());
        }
        return json(r).get("id").asText();
    }

    /** Polls until the scan has ended (bounded), and returns its last state. */
    JsonNode awaitEnd(String key, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = json(get("/api/v1/scans/" + id, key));
            String status = job.path("status").asText();
            if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scan " + id + " did not end within 90 s");
    }
}
