package dev.parapet.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.spi.ApiDocument;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentPointersFindWhereDocumentationLoadsItsSpecTest {

    private static final URI PAGE = URI.create("http://127.0.0.1:8080/api-docs/");
    private final DocumentPointers pointers = new DocumentPointers(DiscoveryData.INSTANCE.documents);

    /** The shape of swagger-ui-express's swagger-ui-init.js, with braces and quotes inside the spec's strings. */
    static final String INIT = """
            window.onload = function() {
              var url = window.location.search.match(/url=([^&]+)/);
              var options = {
              "swaggerDoc": {
                "openapi": "3.0.0",
                "info": {"title": "Ledger", "description": "a { brace } and \\"quoted \\\\\\" } \\" text", "version": "1"},
                "servers": [{"url": "/api/v1"}],
                "paths": {"/accounts": {"get": {"responses": {"200": {"description": "ok"}}}}}
              },
              "customOptions": {}
            };
              url = options.swaggerUrl || url
              var swaggerOptions = { spec: spec1, url: url, dom_id: '#swagger-ui' }
              var ui = SwaggerUIBundle(swaggerOptions)
            }
            """;

    @Test
    void cutsTheInlineSwaggerDocOutOfSwaggerUiInitAsJson() throws Exception {
        DocumentPointers.Found found = pointers.in(INIT, PAGE.resolve("swagger-ui-init.js"), true, 1_000_000);
        assertThat(found.inline()).hasSize(1);
        ApiDocument doc = found.inline().getFirst();
        assertThat(doc.inline()).isTrue();
        assertThat(doc.url()).isEqualTo(PAGE.resolve("swagger-ui-init.js"));
        var tree = new ObjectMapper().readTree(doc.text());
        assertThat(tree.path("openapi").asText()).isEqualTo("3.0.0");
        assertThat(tree.path("info").path("description").asText()).isEqualTo("a { brace } and \"quoted \\\" } \" text");
        assertThat(tree.path("paths").has("/accounts")).isTrue();
        assertThat(found.documents()).isEmpty();
        assertThat(DocumentPointers.serverPaths(doc.text())).containsExactly("/api/v1");
    }

    @Test
    void readsTheDocumentUrlOfSwaggerUiReDocScalarAndSwaggerConfig() {
        String html = """
                <script>window.ui = SwaggerUIBundle({ url: "/v3/api-docs", configUrl: '/v3/api-docs/swagger-config',
                  urls: [{"url": "/v3/api-docs/admin", "name": "admin"}], dom_id: '#swagger-ui' });</script>
                <redoc spec-url="openapi.yaml"></redoc>
                <script id="api-reference" data-url="/scalar/openapi.json"></script>
                <script>Redoc.init('/redoc/spec.json', {}, document.getElementById('x'))</script>""";
        DocumentPointers.Found found = pointers.in(html, PAGE, true, 1_000_000);
        assertThat(found.documents()).extracting(URI::getPath).containsExactly("/v3/api-docs", "/v3/api-docs/admin",
                "/api-docs/openapi.yaml", "/scalar/openapi.json", "/redoc/spec.json");
        assertThat(found.configs()).extracting(URI::getPath).containsExactly("/v3/api-docs/swagger-config");
        assertThat(pointers.in("{\"configUrl\":\"/v3/api-docs/swagger-config\",\"url\":\"/v3/api-docs\","
                + "\"validatorUrl\":\"\",\"oauth2RedirectUrl\":\"/swagger-ui/oauth2-redirect.html\"}", PAGE, true,
                10_000).documents()).extracting(URI::getPath).containsExactly("/v3/api-docs");
    }

    @Test
    void ignoresUrlKeysOutsideDocumentationAndObjectsThatAreNotSpecs() {
        String app = "axios({url: '/api/items'}); const spec = {\"openapi\": \"not a version\"}; "
                + "const cfg = {spec: {title: 'x'}};";
        DocumentPointers.Found found = pointers.in(app, PAGE, false, 10_000);
        assertThat(found.documents()).isEmpty();
        assertThat(found.inline()).isEmpty();
    }

    @Test
    void rewritesAJavaScriptObjectLiteralSpecAsJson() throws Exception {
        String html = "<script>SwaggerUIBundle({spec: {openapi: '3.0.3', info: {title: 'x', version: '1'}, "
                + "paths: {'/a': {get: {responses: {'200': {description: 'ok'}}}},},}, dom_id: '#swagger-ui'})</script>";
        DocumentPointers.Found found = pointers.in(html, PAGE, true, 10_000);
        assertThat(found.inline()).hasSize(1);
        assertThat(new ObjectMapper().readTree(found.inline().getFirst().text()).path("paths").has("/a")).isTrue();
    }

    @Test
    void yamlServersAndSwaggerBasePathAreBasePaths() {
        assertThat(DocumentPointers.serverPaths("""
                openapi: 3.0.1
                servers:
                  - url: https://api.example.com/shop/v2
                  - url: "/internal"
                paths: {}
                """)).containsExactly("/shop/v2", "/internal");
        assertThat(DocumentPointers.serverPaths("{\"swagger\":\"2.0\",\"basePath\":\"/v1\",\"paths\":{}}"))
                .containsExactly("/v1");
    }
}
