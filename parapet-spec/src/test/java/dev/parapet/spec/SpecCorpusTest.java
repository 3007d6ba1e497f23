package dev.parapet.spec;

import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.SpecWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every document of the corpus loads or fails with a clear warning, and each feature maps as documented. */
class SpecCorpusTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");
    private final OpenApiSpecLoader loader = new OpenApiSpecLoader();

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(SpecCorpusTest.class.getResource("/specs").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    private ApiSpec load(String name) throws URISyntaxException {
        return loader.load(Path.of(getClass().getResource("/specs/" + name).toURI()), TARGET, 0);
    }

    private static ApiOperation op(ApiSpec spec, String display) {
        return spec.operations().stream().filter(o -> o.display().equals(display)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + display + " in " + spec.operations()));
    }

    @Test
    void corpusHoldsAtLeastTwentyFiveDocuments() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyDocumentLoadsOrExplainsWhyNot(Path file) {
        ApiSpec spec = loader.load(file, TARGET, 0);
        assertThat(spec.source()).isEqualTo(file.toString());
        assertThat(spec.keptOperations()).isEqualTo(spec.operations().size());
        if (spec.operations().isEmpty()) {
            assertThat(spec.warnings()).as("an empty result must say why").isNotEmpty();
        }
        assertThat(spec.warnings()).allSatisfy(w -> {
            assertThat(w.message()).isNotBlank();
            assertThat(w.pointer()).matches("|(/[^/]*)+");
        });
        // the content path (a spec fetched by URL) must be just as robust
        ApiSpec fromText = loader.load(readQuietly(file), URI.create("http://127.0.0.1:8080/openapi"), TARGET, 0);
        assertThat(fromText.keptOperations()).isEqualTo(fromText.operations().size());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapsServerPathUnderTheScannedOriginAndSynthesisesParameters() throws Exception {
        ApiSpec spec = load("oas30-petstore.yaml");
        assertThat(spec.version()).isEqualTo("3.0.3");
        assertThat(spec.servers()).containsExactly("https://api.example.com/v1");
        ApiOperation list = op(spec, "GET /pets");
        assertThat(list.uri()).contains(URI.create("http://127.0.0.1:8080/v1/pets?limit=1"));
        assertThat(list.securityRequired()).isTrue();
        assertThat(list.responseSchemaProperties()).containsExactlyInAnyOrder("id", "name");
        ApiOperation show = op(spec, "GET /pets/{petId}");
        assertThat(show.deprecated()).isTrue();
        assertThat(show.uri().orElseThrow().getPath()).matches("/v1/pets/[0-9a-f-]{36}");
        assertThat(op(spec, "POST /pets").requestSchemaProperties()).contains("isAdmin");
    }

    @Test
    void synthesisedValuesAreRepeatableForASeedAndChangeWithIt() throws Exception {
        Path file = Path.of(getClass().getResource("/specs/oas30-petstore.yaml").toURI());
        URI a = op(loader.load(file, TARGET, 7), "GET /pets/{petId}").uri().orElseThrow();
        URI b = op(loader.load(file, TARGET, 7), "GET /pets/{petId}").uri().orElseThrow();
        URI c = op(loader.load(file, TARGET, 8), "GET /pets/{petId}").uri().orElseThrow();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void listsNoServerWhenTheDocumentDeclaresNone() throws Exception {
        ApiSpec spec = load("oas30-recursive.yaml");
        assertThat(spec.servers()).isEmpty();
        assertThat(op(spec, "GET /nodes").uri()).contains(URI.create("http://127.0.0.1:8080/nodes"));
    }

    @Test
    void replacesServerVariablesWithTheirDefaults() throws Exception {
        ApiSpec spec = load("oas30-server-variables.yaml");
        assertThat(spec.servers()).containsExactly("https://api.example.com/v2");
        assertThat(op(spec, "GET /items").uri()).contains(URI.create("http://127.0.0.1:8080/v2/items"));
    }

    @Test
    void followsAllOfOneOfAnyOfAndIntegerRanges() throws Exception {
        ApiOperation op = op(load("oas30-allof-oneof-anyof.json"), "GET /accounts/{id}");
        assertThat(op.responseSchemaProperties()).containsExactlyInAnyOrder("id", "firstName", "vatNumber", "note");
        assertThat(op.uri()).contains(URI.create("http://127.0.0.1:8080/accounts/10"));
    }

    @Test
    void readsRecursiveSchemasOnce() throws Exception {
        assertThat(op(load("oas30-recursive.yaml"), "GET /nodes").responseSchemaProperties())
                .containsExactlyInAnyOrder("name", "children", "parent");
    }

    @Test
    void followsRelativeFileReferencesOfALocalSpec() throws Exception {
        assertThat(op(load("oas30-relative-file-ref.yaml"), "GET /users").responseSchemaProperties())
                .containsExactlyInAnyOrder("id", "email", "passwordHash");
    }

    @Test
    void resolvesParameterAndResponseReferencesWithExamplesFormatsAndEnums() throws Exception {
        ApiOperation op = op(load("oas30-param-refs.yaml"), "GET /orders/{orderId}");
        assertThat(op.uri()).contains(URI.create("http://127.0.0.1:8080/orders/42?since=2024-01-01&status=open"));
        assertThat(op.responseSchemaProperties()).containsExactly("total");
    }

    @Test
    void treatsAnEmptyAlternativeAsOptionalSecurity() throws Exception {
        ApiSpec spec = load("oas30-security-optional.yaml");
        assertThat(op(spec, "GET /public").securityRequired()).isFalse();
        assertThat(op(spec, "GET /open").securityRequired()).isFalse();
        assertThat(op(spec, "GET /private").securityRequired()).isTrue();
    }

    @Test
    void leavesOpenSchemasWithoutDeclaredProperties() throws Exception {
        assertThat(op(load("oas30-additional-properties.yaml"), "GET /settings").responseSchemaProperties())
                .isEmpty();
    }

    @Test
    void readsOpenApi31TypeArraysWithNull() throws Exception {
        ApiSpec spec = load("oas31-nullable-types.yaml");
        ApiOperation op = op(spec, "GET /profiles/{id}");
        assertThat(op.parameters().getFirst().schemaType()).isEqualTo("integer");
        assertThat(op.responseSchemaProperties()).containsExactlyInAnyOrder("nickname", "age");
    }

    @Test
    void prefersTheParameterExample() throws Exception {
        assertThat(op(load("oas31-const-examples.json"), "GET /search").uri())
                .contains(URI.create("http://127.0.0.1:8080/search?q=boots"));
    }

    @Test
    void takesTheFirstOfAnOpenApi31SchemasExamplesBeforeItsEnum() {
        String doc = """
                openapi: 3.1.0
                info: {title: Ex, version: '1'}
                paths:
                  /files:
                    get:
                      parameters:
                        - {name: name, in: query, required: true,
                           schema: {type: string, enum: [a.txt, b.txt], examples: [b.txt, a.txt]}}
                      responses: {'200': {description: ok}}
                """;
        ApiSpec spec = loader.load(doc, URI.create("http://127.0.0.1:8080/openapi.yaml"), TARGET, 0);
        assertThat(op(spec, "GET /files").uri()).contains(URI.create("http://127.0.0.1:8080/files?name=b.txt"));
    }

    @Test
    void convertsSwagger2HostBasePathAndSchemes() throws Exception {
        ApiSpec spec = load("swagger2-basic.json");
        assertThat(spec.version()).isEqualTo("2.0");
        assertThat(spec.servers()).containsExactly("http://legacy.example.com/api/v1");
        ApiOperation get = op(spec, "GET /customers/{id}");
        assertThat(get.uri()).contains(URI.create("http://127.0.0.1:8080/api/v1/customers/1"));
        assertThat(get.securityRequired()).isTrue();
        assertThat(get.responseSchemaProperties()).contains("role");
        assertThat(op(spec, "PUT /customers/{id}").requestSchemaProperties()).contains("role");
        assertThat(op(load("swagger2-deprecated.yaml"), "GET /old").deprecated()).isTrue();
        assertThat(op(load("swagger2-no-host.yaml"), "GET /ping").uri())
                .contains(URI.create("http://127.0.0.1:8080/rest/ping"));
    }

    @Test
    void reportsBadYamlWithoutOperations() throws Exception {
        ApiSpec spec = load("bad-yaml.yaml");
        assertThat(spec.operations()).isEmpty();
        assertThat(spec.warnings()).isNotEmpty();
    }

    @Test
    void keepsTheRestOfASpecWithADanglingReference() throws Exception {
        ApiSpec spec = load("dangling-ref.yaml");
        assertThat(spec.operations()).extracting(ApiOperation::display)
                .containsExactlyInAnyOrder("GET /things", "GET /others");
        assertThat(spec.warnings()).extracting(SpecWarning::message).anyMatch(m -> m.contains("Missing"));
        assertThat(op(spec, "GET /things").responseSchemaProperties()).isEmpty();
    }

    @Test
    void survivesReferenceCycles() throws Exception {
        ApiSpec spec = load("ref-cycle.yaml");
        assertThat(op(spec, "GET /loop").responseSchemaProperties()).isEmpty();
    }

    @Test
    void keepsWellFormedOperationsAmongWrongTypes() throws Exception {
        ApiSpec spec = load("wrong-types.yaml");
        assertThat(spec.operations()).extracting(ApiOperation::display).contains("GET /d");
        assertThat(spec.warnings()).extracting(SpecWarning::pointer).anyMatch(p -> p.startsWith("/paths/~1"));
    }

    @Test
    void neverFollowsReferencesToOtherUrls() throws Exception {
        ApiSpec spec = load("remote-ref.yaml");
        assertThat(spec.operations()).extracting(ApiOperation::display).containsExactly("GET /r");
        assertThat(spec.warnings()).extracting(SpecWarning::message).anyMatch(m -> m.contains("not followed"));
    }

    @Test
    void explainsAMissingFile() {
        ApiSpec spec = loader.load(Path.of("no/such/spec.yaml"), TARGET, 0);
        assertThat(spec.operations()).isEmpty();
        assertThat(spec.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("no spec file"));
    }

    @Test
    void readsAGeneratedThousandOperationSpec() {
        ApiSpec spec = loader.load(GeneratedSpec.json(500), URI.create("http://127.0.0.1:8080/openapi.json"),
                TARGET, 0);
        assertThat(spec.keptOperations()).isEqualTo(1000);
        assertThat(spec.skippedOperations()).isZero();
    }

    @Test
    void explainsASpecCutShortByTheBodyCap() {
        String large = GeneratedSpec.json(5_000);
        ApiSpec spec = loader.load(large.substring(0, 1 << 20), URI.create("http://127.0.0.1:8080/openapi.json"),
                TARGET, 0);
        assertThat(spec.keptOperations()).isEqualTo(spec.operations().size());
        assertThat(spec.warnings()).isNotEmpty();
    }

    @Test
    void matchesConcreteUrlsToTheirTemplates() throws Exception {
        ApiSpec spec = load("oas30-petstore.yaml");
        assertThat(spec.match("GET", URI.create("http://127.0.0.1:8080/v1/pets/abc"))).isPresent();
        assertThat(spec.match("HEAD", URI.create("http://127.0.0.1:8080/v1/pets"))).isPresent();
        assertThat(spec.match("GET", URI.create("http://127.0.0.1:8080/v1/owners"))).isEmpty();
        assertThat(List.of(spec.match("POST", URI.create("http://127.0.0.1:8080/v1/pets")).orElseThrow().operationId()))
                .containsExactly("createPet");
    }
}
