package dev.parapet.cli;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A --spec the user gave that cannot be read is a usage error: one line, exit 2, nothing scanned. */
class SpecInputErrorsTest {

    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackHttpServer api() throws IOException {
        return LoopbackHttpServer.builder().route("*", "*", r -> {
            requests.incrementAndGet();
            return Response.json(200, "{\"ok\":true}");
        }).start();
    }

    @Test
    void aMissingSpecFileIsAUsageErrorInOneLine(@TempDir Path dir) throws IOException {
        try (LoopbackHttpServer api = api()) {
            Path missing = dir.resolve("openapi.json");
            CliRun run = CliRun.of("scan", api.uri().toString(), "--spec", missing.toString(), "--no-store",
                    "--color", "never");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip()).as(run.err()).startsWith("parapet: --spec " + missing + ": no spec file at")
                    .doesNotContain("\n");
            assertThat(requests).hasValue(0);
        }
    }

    @Test
    void aTruncatedJsonSpecIsAUsageErrorWithoutAStackTrace(@TempDir Path dir) throws IOException {
        try (LoopbackHttpServer api = api()) {
            Path cut = Files.writeString(dir.resolve("openapi.json"),
                    "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\"");
            CliRun run = CliRun.of("scan", api.uri().toString(), "--spec", cut.toString(), "--no-store",
                    "--color", "never");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip()).as(run.err()).contains("--spec " + cut + ": not valid JSON at line 1")
                    .doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(requests).hasValue(0);
        }
    }
}
