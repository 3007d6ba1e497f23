package dev.parapet.spec;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.SpecWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader never reaches the network: a reference to another URL, in the spec or in a file it refers to, is
 * reported at its JSON pointer and not followed, while relative file references still are. A loopback server
 * stands for the other host and must receive nothing.
 */
class RemoteReferenceTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");
    private final OpenApiSpecLoader loader = new OpenApiSpecLoader();

    private static LoopbackHttpServer schemaHost() throws IOException {
        return LoopbackHttpServer.builder().route("GET", "*", r -> Response.json(200,
                "{\"type\":\"object\",\"properties\":{\"remoteOnly\":{\"type\":\"string\"}}}")).start();
    }

    private static String spec(String schemaRef) {
        return """
                openapi: 3.0.3
                info: {title: Split, version: '1'}
                paths:
                  /users:
                    get:
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: '%s'}}}
                """.formatted(schemaRef);
    }

    @Test
    void reportsAReferenceToAnotherUrlAtItsPointerAndSendsNothing(@TempDir Path dir) throws Exception {
        try (LoopbackHttpServer other = schemaHost()) {
            Path file = dir.resolve("api.yaml");
            Files.writeString(file, spec(other.uri("/user.json").toString()));
            ApiSpec spec = loader.load(file, TARGET, 0);
            assertThat(spec.operations()).extracting(o -> o.display()).containsExactly("GET /users");
            assertThat(spec.warnings()).anySatisfy(w -> {
                assertThat(w.pointer()).isEqualTo(
                        "/paths/~1users/get/responses/200/content/application~1json/schema/$ref");
                assertThat(w.message()).contains(other.uri("/user.json").toString(), "not followed");
            });
            assertThat(other.requestCount()).isZero();
        }
    }

    @Test
    void followsRelativeFilesButNotTheUrlsTheyReferTo(@TempDir Path dir) throws Exception {
        try (LoopbackHttpServer other = schemaHost()) {
            Files.createDirectories(dir.resolve("parts"));
            Files.writeString(dir.resolve("parts/user.yaml"), """
                    type: object
                    properties:
                      id: {type: integer}
                      address: {$ref: '%s'}
                    """.formatted(other.uri("/address.json")));
            Path file = dir.resolve("api.yaml");
            Files.writeString(file, spec("./parts/user.yaml"));
            ApiSpec spec = loader.load(file, TARGET, 0);
            assertThat(spec.operations().getFirst().responseSchemaProperties()).as("the remote schema is not read")
                    .containsExactlyInAnyOrder("id", "address");
            assertThat(spec.warnings()).extracting(SpecWarning::message)
                    .anyMatch(m -> m.startsWith("in parts/user.yaml#/properties/address/$ref: reference to "));
            assertThat(other.requestCount()).isZero();
        }
    }

    @Test
    void keepsTheSchemaOfARelativeFileWithoutRemoteReferences(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/user.yaml"), """
                type: object
                properties:
                  id: {type: integer}
                  email: {type: string}
                """);
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, spec("./parts/user.yaml").replace("paths:", "x-docs: {$ref: 'https://docs.invalid/x'}\npaths:"));
        ApiSpec spec = loader.load(file, TARGET, 0);
        assertThat(spec.operations().getFirst().responseSchemaProperties()).containsExactlyInAnyOrder("id", "email");
        assertThat(spec.warnings()).extracting(SpecWarning::pointer).contains("/x-docs/$ref");
    }

    @Test
    void reportsEveryReferenceLeavingADocumentReadFromAUrl() throws Exception {
        try (LoopbackHttpServer other = schemaHost()) {
            ApiSpec spec = loader.load(spec(other.uri("/user.json").toString()), URI.create(
                    "http://127.0.0.1:8080/openapi.yaml"), TARGET, 0);
            assertThat(spec.operations()).hasSize(1);
            assertThat(spec.warnings()).extracting(SpecWarning::pointer)
                    .contains("/paths/~1users/get/responses/200/content/application~1json/schema/$ref");
            assertThat(other.requestCount()).isZero();
        }
    }
}
