package dev.parapet.spec;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.service.ScanService;
import dev.parapet.spi.ApiSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A spec that is not JSON or YAML, or that would expand without bound, is refused before swagger-parser reads it. */
class UnreadableSpecIsRefusedTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:1/");
    private static final String VALID = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"T\",\"version\":\"1\"},"
            + "\"paths\":{\"/items\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";

    /** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded, a few hundred bytes as text. */
    static String billionLaughs() {
        StringBuilder y = new StringBuilder("openapi: 3.0.3\ninfo: {title: bomb, version: '1'}\n");
        y.append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String prev = "*a" + (level - 1);
            y.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return y.append("paths: {}\n").toString();
    }

    @Test
    void aTruncatedJsonSpecIsUnreadableWithTheLineAndColumnOfItsEnd(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("openapi.json"), VALID.substring(0, VALID.length() - 20));
        ApiSpec read = new OpenApiSpecLoader().load(spec, TARGET, 0);
        assertThat(read.operations()).isEmpty();
        assertThat(read.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("not valid JSON at line 1, column ").contains("end-of-input").doesNotContain("\n"));
    }

    @Test
    void aYamlAliasBombIsRefusedBeforeAnythingExpandsIt() {
        ApiSpec read = new OpenApiSpecLoader().load(billionLaughs(), URI.create("http://127.0.0.1:1/bomb.yaml"),
                TARGET, 0);
        assertThat(read.operations()).isEmpty();
        assertThat(read.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("expands its aliases past").contains("alias bomb"));
    }

    @Test
    void aRecursiveYamlAliasIsRefused() {
        ApiSpec read = new OpenApiSpecLoader().load("openapi: 3.0.3\nloop: &x [a, *x]\npaths: {}\n",
                URI.create("http://127.0.0.1:1/loop.yaml"), TARGET, 0);
        assertThat(read.operations()).isEmpty();
        assertThat(read.warnings()).isNotEmpty();
    }

    @Test
    void yamlThatSharesAFewAnchorsStillReads() {
        String spec = """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      responses: &ok
                        '200': {description: ok}
                  /b:
                    get:
                      responses: *ok
                """;
        ApiSpec read = new OpenApiSpecLoader().load(spec, URI.create("http://127.0.0.1:1/s.yaml"), TARGET, 0);
        assertThat(read.operations()).hasSize(2);
    }

    @Test
    void aNamedSpecThatCannotBeReadStopsTheScanBeforeAnyRequest(@TempDir Path dir) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        Path truncated = Files.writeString(dir.resolve("cut.json"), VALID.substring(0, 40));
        try (LoopbackHttpServer api = LoopbackHttpServer.builder().route("*", "*", r -> {
            requests.incrementAndGet();
            return Response.json(200, "{}");
        }).start()) {
            for (String named : List.of(dir.resolve("missing.json").toString(), truncated.toString())) {
                ScanConfig config = ScanConfig.defaults(api.uri()).withSpec(named, 0);
                assertThatThrownBy(() -> ScanService.withInstalledChecks().run(config, List.of())).as(named)
                        .isInstanceOf(ConfigException.class).hasMessageStartingWith("--spec " + named + ": ")
                        .hasMessageNotContaining("\n");
            }
            assertThat(requests).hasValue(0);
        }
    }
}
