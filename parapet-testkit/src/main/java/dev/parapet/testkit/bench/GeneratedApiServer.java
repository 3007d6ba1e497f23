package dev.parapet.testkit.bench;

import dev.parapet.demo.LoopbackHttpServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a {@link GeneratedApi} for a benchmark script: {@code GeneratedApiServer OPERATIONS SPEC-FILE [SECONDS]}
 * writes the document to {@code SPEC-FILE}, starts the server on 127.0.0.1, prints {@code port N} on a line of its
 * own, then {@code tick EPOCH-SECOND REQUESTS} once a second (requests received so far, so a script can find the
 * busiest seconds of a client's run), and stops by itself after {@code SECONDS} (default 600, at most 3,600), or
 * earlier when killed.
 */
public final class GeneratedApiServer {

    private static final long MAX_SECONDS = 3_600;

    private GeneratedApiServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GeneratedApiServer OPERATIONS SPEC-FILE [SECONDS]");
            System.exit(2);
        }
        GeneratedApi api = GeneratedApi.of(Integer.parseInt(args[0]));
        Files.writeString(Path.of(args[1]), api.spec());
        Duration lifetime = Duration.ofSeconds(Math.min(MAX_SECONDS, args.length > 2 ? Long.parseLong(args[2]) : 600));
        try (LoopbackHttpServer server = api.start()) {
            System.out.println("port " + server.port());
            System.out.flush();
            long end = System.nanoTime() + lifetime.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(1_000 - System.currentTimeMillis() % 1_000);
                System.out.println("tick " + System.currentTimeMillis() / 1_000 + " " + server.requestCount());
                System.out.flush();
            }
        }
    }
}
