package dev.parapet.testkit.bench;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.SpecLoader;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedApiTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/");

    private static final SpecLoader LOADER = ServiceLoader.load(SpecLoader.class).findFirst().orElseThrow();

    private static ApiSpec read(int operations) {
        return LOADER.load(GeneratedApi.of(operations).spec(), TARGET.resolve("/openapi.json"), TARGET, 0);
    }

    @Test
    void specDeclaresExactlyTheRequestedNumberOfOperations() {
        for (int n : new int[] {1, 7, 100, 1_001}) {
            ApiSpec spec = read(n);
            assertThat(spec.warnings()).as("warnings for %d operations", n).isEmpty();
            assertThat(spec.operations()).as("operations for %d", n).hasSize(n);
            assertThat(spec.skippedOperations()).isZero();
        }
    }

    @Test
    void specCarriesDefaultsEnumsFormatsAndBodies() {
        ApiSpec spec = read(100);
        assertThat(spec.operations()).extracting(ApiOperation::method).contains("GET", "POST", "PUT");
        String text = GeneratedApi.of(100).spec();
        assertThat(text).contains("\"default\":\"statement.txt\"", "\"format\":\"uri\"", "\"enum\":[\"asc\",\"desc\"]",
                "\"in\":\"path\"", "\"requestBody\"");
    }

    @Test
    void serverAnswersEveryDocumentedGetAndRefusesUnknownIds() throws Exception {
        GeneratedApi api = GeneratedApi.of(40);
        try (LoopbackHttpServer server = api.start()) {
            ApiSpec spec = LOADER.load(api.spec(), server.uri("/openapi.json"), server.uri(), 0);
            HttpClient client = HttpClient.newHttpClient();
            int gets = 0;
            for (ApiOperation op : spec.operations()) {
                if (!op.method().equals("GET")) {
                    continue;
                }
                gets++;
                URI u = server.uri(op.pathTemplate().replace("{id}", "1").replace("{tag}", "red"));
                assertThat(status(client, u)).as("GET %s", u).isBetween(200, 299);
            }
            assertThat(gets).isEqualTo(38);
            assertThat(status(client, server.uri("/res1/items/99"))).isEqualTo(404);
            assertThat(status(client, server.uri("/res1/items/1/attachment?template=../../etc/passwd"))).isEqualTo(400);
            assertThat(status(client, server.uri("/res4/items"))).as("beyond the 40th operation").isEqualTo(404);
        }
    }

    private static int status(HttpClient client, URI u) throws Exception {
        return client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
