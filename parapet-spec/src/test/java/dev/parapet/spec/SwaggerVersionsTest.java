package dev.parapet.spec;

import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * swagger-parser without its legacy chain (see parapet-spec's pom): Swagger 2.0 still converts, OpenAPI 3.0 and 3.1
 * still resolve {@code $ref}, and the libraries left out are really absent, so they cannot creep back unnoticed.
 */
class SwaggerVersionsTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");
    private final OpenApiSpecLoader loader = new OpenApiSpecLoader();

    private ApiSpec load(String name) throws Exception {
        return loader.load(Path.of(getClass().getResource("/specs/" + name).toURI()), TARGET, 0);
    }

    private ApiSpec loadText(String content) {
        return loader.load(content, URI.create("http://127.0.0.1:8080/openapi.yaml"), TARGET, 0);
    }

    private static ApiOperation op(ApiSpec spec, String display) {
        return spec.operations().stream().filter(o -> o.display().equals(display)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + display + " in " + spec.operations()));
    }

    @Test
    void convertsSwagger2WithItsDefinitionReferences() throws Exception {
        ApiSpec spec = load("swagger2-basic.json");

        assertThat(spec.version()).isEqualTo("2.0");
        assertThat(spec.warnings()).isEmpty();
        // "role" lives in a definition the operations reach through $ref
        assertThat(op(spec, "GET /customers/{id}").responseSchemaProperties()).contains("role");
        assertThat(op(spec, "PUT /customers/{id}").requestSchemaProperties()).contains("role");
    }

    @Test
    void resolvesOpenApi30ParameterAndResponseReferences() throws Exception {
        ApiOperation get = op(load("oas30-param-refs.yaml"), "GET /orders/{orderId}");

        assertThat(get.uri().orElseThrow().toString()).contains("/orders/42");
        assertThat(get.responseSchemaProperties()).contains("total");
    }

    @Test
    void resolvesOpenApi31SchemaReferences() {
        ApiSpec spec = loadText("""
                openapi: 3.1.0
                info: {title: Refs, version: "1"}
                paths:
                  /users:
                    post:
                      requestBody:
                        content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
                      responses: {"201": {description: created}}
                components:
                  schemas:
                    User: {type: object, properties: {email: {type: [string, "null"]}, role: {type: string}}}
                """);

        assertThat(spec.version()).startsWith("3.1");
        assertThat(op(spec, "POST /users").requestSchemaProperties()).contains("email", "role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.mozilla.javascript.Context", "org.joda.time.DateTime",
            "com.github.fge.jsonschema.main.JsonSchemaFactory", "org.apache.http.client.HttpClient",
            "com.google.common.collect.ImmutableList", "io.swagger.parser.SwaggerCompatConverter"})
    void leavesTheLegacyLibraryOff(String className) {
        assertThat(isPresent(className)).as(className).isFalse();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, SwaggerVersionsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
