package dev.parapet.spi;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSpecMatchTest {

    private static ApiOperation op(String method, String template, String mapped) {
        return new ApiOperation(method, template, "", false, List.of(), false, Set.of(), Set.of(), List.of(),
                Optional.of(URI.create("http://api.test" + mapped)));
    }

    private static ApiSpec spec(ApiOperation... ops) {
        return new ApiSpec("spec.json", "3.0.3", List.of(ops), List.of(), List.of(), ops.length, 0);
    }

    private static Optional<String> match(ApiSpec spec, String method, String url) {
        return spec.match(method, URI.create(url)).map(o -> o.method() + " " + o.pathTemplate());
    }

    @Test
    void placeholderSegmentsMatchAnyValueAndLiteralOnesOnlyThemselves() {
        ApiSpec spec = spec(op("GET", "/users/{id}", "/v1/users/1"), op("GET", "/users/me", "/v1/users/me"));
        assertThat(match(spec, "GET", "http://api.test/v1/users/42")).contains("GET /users/{id}");
        assertThat(match(spec, "GET", "http://api.test/v1/users/42/")).contains("GET /users/{id}");
        assertThat(match(spec, "GET", "http://api.test/v2/users/42")).isEmpty();
        assertThat(match(spec, "GET", "http://api.test/v1/users/42/orders")).isEmpty();
        assertThat(match(spec, "POST", "http://api.test/v1/users/42")).isEmpty();
    }

    @Test
    void theOperationFirstInTheDocumentWinsWhenSeveralMatch() {
        ApiSpec idFirst = spec(op("GET", "/users/{id}", "/users/1"), op("GET", "/users/me", "/users/me"));
        ApiSpec meFirst = spec(op("GET", "/users/me", "/users/me"), op("GET", "/users/{id}", "/users/1"));
        assertThat(match(idFirst, "GET", "http://api.test/users/me")).contains("GET /users/{id}");
        assertThat(match(meFirst, "GET", "http://api.test/users/me")).contains("GET /users/me");
    }

    @Test
    void headMatchesADocumentedGetAndTheRootMatchesTheRoot() {
        ApiSpec spec = spec(op("POST", "/", "/"), op("GET", "/", "/"), op("GET", "/a/{x}/b/{y}", "/a/1/b/2"));
        assertThat(match(spec, "HEAD", "http://api.test/")).contains("GET /");
        assertThat(match(spec, "head", "http://api.test")).contains("GET /");
        assertThat(match(spec, "POST", "http://api.test/")).contains("POST /");
        assertThat(match(spec, "GET", "http://api.test/a/9/b/8?q=1")).contains("GET /a/{x}/b/{y}");
    }

    @Test
    void agreesWithComparingEveryOperationInTurn() {
        List<ApiOperation> ops = new ArrayList<>();
        String[] templates = {"/r/{a}", "/r/{a}/s", "/r/x/s", "/r/{a}/{b}", "/t/{a}/s/{b}", "/t/u/s/v", "/r", "/"};
        for (String t : templates) {
            for (String m : new String[] {"GET", "PUT"}) {
                ops.add(op(m, t, "/base" + t.replace("{a}", "1").replace("{b}", "2")));
            }
        }
        ApiSpec spec = new ApiSpec("s", "3.0.3", ops, List.of(), List.of(), ops.size(), 0);
        String[] paths = {"/base/r/7", "/base/r/x/s", "/base/r/7/s", "/base/r/7/8", "/base/t/u/s/v", "/base/t/9/s/9",
            "/base/r", "/base", "/base/", "/r/7", "/base/t/u/s", "/base/r/x/s/"};
        for (String p : paths) {
            for (String m : new String[] {"GET", "PUT", "HEAD", "DELETE"}) {
                URI u = URI.create("http://api.test" + p);
                Optional<ApiOperation> linear = ops.stream()
                        .filter(o -> o.method().equals(m) || m.equals("HEAD") && o.method().equals("GET"))
                        .filter(o -> PathTemplates.matches(o.uri().get(), o.pathTemplate(), u.getRawPath()))
                        .findFirst();
                assertThat(spec.match(m, u)).as("%s %s", m, p).isEqualTo(linear);
            }
        }
    }
}
