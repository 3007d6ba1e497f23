package dev.parapet.labs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lab's process in one mode: its command run in the lab directory with a minimal environment ({@code PATH}, the
 * lab's own variables and nothing else of the JVM's, since vulnerable modes hand their environment out), its port
 * read from the {@code lab listening on http://127.0.0.1:<port>} line, ready once {@code /healthz} answers
 * {@code {"ok":true}}. {@link #close()} ends exactly this process: destroy, then destroyForcibly.
 */
final class LabProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("lab listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final URI baseUri;
    private final List<String> output;

    private LabProcess(Process process, URI baseUri, List<String> output) {
        this.process = process;
        this.baseUri = baseUri;
        this.output = output;
    }

    /**
     * The koa-cockroach lab: {@code node src/server.js} with {@code DATABASE_URL}, {@code PORT=0}, {@code LAB_MODE}
     * and {@code LAB_API_TOKEN}.
     */
    static LabProcess start(Path labDir, String mode, String databaseUrl, String apiToken)
            throws IOException, InterruptedException {
        return launch(labDir, mode, List.of(Prerequisites.node().toString(), "src/server.js"),
                Map.of("DATABASE_URL", databaseUrl, "PORT", "0", "LAB_MODE", mode, "LAB_API_TOKEN", apiToken));
    }

    /**
     * The flask-sqlite lab: {@code python -u app.py} with {@code PORT=0}, {@code LAB_MODE} and {@code LAB_DATABASE}
     * (the SQLite file it creates and seeds).
     */
    static LabProcess flask(Path labDir, Path python, String mode, Path databaseFile)
            throws IOException, InterruptedException {
        return launch(labDir, mode, List.of(python.toString(), "-u", "app.py"), Map.of("PORT", "0", "LAB_MODE", mode,
                "LAB_DATABASE", databaseFile.toString(), "PYTHONDONTWRITEBYTECODE", "1"));
    }

    /**
     * Starts {@code command} in {@code labDir} with {@code PATH} and {@code environment} only, and waits until it
     * answers {@code /healthz}.
     *
     * @throws IllegalStateException with the process output when it exits or stays silent
     */
    static LabProcess launch(Path labDir, String mode, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(labDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.putAll(environment);
        Process process = pb.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread.ofVirtual().name("lab-" + mode + "-output").start(() -> read(process, output, listening));
        LabProcess lab;
        try {
            lab = new LabProcess(process, listening.get(STARTUP.toSeconds(), TimeUnit.SECONDS), output);
        } catch (Exception e) {
            stop(process);
            throw new IllegalStateException("the lab (" + String.join(" ", command) + ", " + mode
                    + ") did not report its port within " + STARTUP + "; exit "
                    + (process.isAlive() ? "none" : process.exitValue()) + "; output:\n" + String.join("\n", output), e);
        }
        lab.awaitHealthy();
        return lab;
    }

    private static void read(Process process, List<String> output, CompletableFuture<URI> listening) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1) + "/"));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("the lab's output ended"));
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(baseUri.resolve("/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"ok\":true")) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the lab at " + baseUri + " never answered /healthz: " + last);
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the process output to {@code file}, for a failing run's post-mortem. */
    void saveOutput(Path file) throws IOException {
        Files.write(file, output);
    }
}
