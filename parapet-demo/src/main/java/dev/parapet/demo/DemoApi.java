package dev.parapet.demo;

import dev.parapet.demo.LoopbackHttpServer.Request;
import dev.parapet.demo.LoopbackHttpServer.Response;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import java.nio.charset.StandardCharsets;

/**
 * The bundled demo API behind {@code parapet demo}: a small shop API on 127.0.0.1 and a free port. The
 * {@link Variant#VULNERABLE} variant carries the mistakes real APIs ship with — personal data and password hashes
 * served without authentication, an environment dump with database credentials, verbose stack traces and database
 * errors, CORS that reflects any origin with credentials, TRACE enabled, version banners, public API docs, cookies
 * without flags, missing security headers. The {@link Variant#FIXED} twin serves the same shop with each of those
 * remediated. All data is invented; the "secrets" are shaped like real ones so detectors can be shown working.
 */
public final class DemoApi {

    public enum Variant { VULNERABLE, FIXED }

    private DemoApi() {
    }

    public static LoopbackHttpServer start(Variant variant) throws IOException {
        return routes(variant, LoopbackHttpServer.builder()).start();
    }

    /**
     * Adds the demo's routes and common response headers to {@code b}, for a fixture that serves the demo shop
     * beside routes of its own. Routes match first-added first, so routes the caller added before win (a root with
     * more links, an API description documenting more).
     */
    public static LoopbackHttpServer.Builder routes(Variant variant, LoopbackHttpServer.Builder b) {
        return variant == Variant.VULNERABLE ? vulnerable(b) : fixed(b);
    }

    // ---------------------------------------------------------------- vulnerable

    private static LoopbackHttpServer.Builder vulnerable(LoopbackHttpServer.Builder b) {
        return b
                .header("Server", "Jetty(9.4.43.v20210629)")
                .header("X-Powered-By", "Servlet/3.1")
                .route("TRACE", "*", DemoApi::traceEcho)
                .route("OPTIONS", "*", r -> cors(r, Response.empty(204)
                        .header("Allow", "GET, HEAD, PUT, DELETE, PATCH, OPTIONS, TRACE")))
                .route("GET", "/", r -> cors(r, Response.json(200, """
                        {"name":"Parapet demo shop API","links":{"products":"/api/products",\
                        "product":"/api/products/1","search":"/api/products?q=lamp&sort=name","files":"/api/files?name=terms.txt",\
                        "avatar":"/api/avatar?url=/static/logo.svg","sso":"/api/sso/return?next=/","users":"/api/users","orders":"/api/orders/1",\
                        "session":"/api/session","config":"/api/debug/config","admin":"/api/admin/stats"}}""")
                        .header("Set-Cookie", "session=4f2a9c1be77d0a5c; Path=/")))
                .route("GET", "/api/products", DemoApi::searchProducts)
                .route("GET", "/api/files", DemoApi::fileByName)
                .route("GET", "/api/sso/return", r -> Response.empty(302)
                        .header("Location", r.param("next") == null ? "/" : r.param("next")))
                .route("GET", "/api/avatar", DemoApi::fetchAvatar)
                .route("GET", "/actuator/env", r -> Response.json(200, ACTUATOR_ENV))
                .route("GET", "/static/logo.svg", r -> new Response(200,
                        java.util.List.of(java.util.Map.entry("Content-Type", "image/svg+xml")), LOGO))
                .route("GET", "/api/products/*", DemoApi::productById)
                .route("GET", "/api/users", r -> cors(r, Response.json(200, USERS)))
                .route("GET", "/api/orders/*", DemoApi::orderById)
                .route("GET", "/api/session", r -> cors(r, Response.json(200,
                        "{\"user\":\"ada\",\"token\":\"" + DEMO_JWT + "\"}")))
                .route("GET", "/api/debug/config", r -> cors(r, Response.json(200, ENV_DUMP)))
                .route("GET", "/api/admin/stats", r -> Response.json(401, "{\"error\":\"unauthorized\"}"))
                .route("GET", "/openapi.json", r -> Response.json(200, OPENAPI))
                .route("GET", "/docs", r -> Response.html(200, SWAGGER_UI));
    }

    private static Response traceEcho(Request r) {
        StringBuilder sb = new StringBuilder("TRACE " + r.uri() + " HTTP/1.1\r\n");
        r.headers().forEach((k, vs) -> vs.forEach(v -> sb.append(k).append(": ").append(v).append("\r\n")));
        return new Response(200, java.util.List.of(java.util.Map.entry("Content-Type", "message/http")),
                sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reflects whatever Origin arrives and allows credentials: the classic CORS mistake. */
    private static Response cors(Request r, Response response) {
        String origin = r.header("Origin");
        if (origin == null) {
            return response;
        }
        return response.header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Credentials", "true");
    }

    private static Response searchProducts(Request r) {
        String sort = r.param("sort");
        if (sort != null && !sort.matches("id|name|price")) {
            // The sort column is concatenated into ORDER BY; an unknown name reaches the database verbatim.
            return cors(r, Response.json(500, "{\"error\":\"ERROR: column \\\"" + sort.replace("\"", "")
                    + "\\\" does not exist\\n  Position: 42\",\"query\":\"SELECT id, name, price FROM products "
                    + "ORDER BY " + sort.replace("\"", "") + "\"}"));
        }
        String q = r.param("q");
        if (q != null && q.chars().filter(c -> c == '\'').count() % 2 == 1) {
            // The search concatenates the term into SQL; an odd quote breaks it and the driver's error is returned.
            return cors(r, Response.json(500, "{\"error\":\"ERROR: unterminated quoted string at or near \\\"'"
                    + q.replace("\"", "\\\"") + "\\\"\\n  Position: 48\",\"query\":\"SELECT id, name, price FROM "
                    + "products WHERE name LIKE '%" + q.replace("\"", "\\\"") + "%'\",\"driver\":\"PostgreSQL JDBC "
                    + "Driver 42.2.18\"}"));
        }
        return cors(r, Response.json(200, PRODUCTS));
    }

    /** Serves documents by name, joining the name to the documents folder without confinement (canned files). */
    private static Response fileByName(Request r) {
        String name = r.param("name") == null ? "" : r.param("name");
        String normalised = java.nio.file.Path.of("/srv/shop/docs").resolve(name).normalize().toString();
        String body = switch (normalised) {
            case "/srv/shop/docs/terms.txt" -> "Terms of sale: goods are shipped within 3 days.\n";
            case "/etc/passwd" -> "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                    + "shop:x:1000:1000::/home/shop:/bin/sh\n";
            case "/proc/self/environ" -> "PATH=/usr/local/bin:/usr/bin\u0000HOSTNAME=shop-api-7d9f8\u0000"
                    + "DATABASE_URL=postgres://shop:Sup3r-S3cret-Passw0rd@db.internal:5432/shop\u0000HOME=/home/shop\u0000";
            case "/proc/self/cgroup" -> "12:memory:/docker/3f1c2a9e8b7d\n11:cpu,cpuacct:/docker/3f1c2a9e8b7d\n"
                    + "0::/docker/3f1c2a9e8b7d\n";
            default -> null;
        };
        return cors(r, body == null ? Response.json(404, "{\"error\":\"no such file: " + normalised + "\"}")
                : Response.text(200, body));
    }

    /**
     * Fetches the avatar URL it is given, server-side. To keep the demo from ever leaving the machine it only
     * really fetches loopback URLs (and its own relative paths); any other host gets a 502 as if unreachable.
     */
    private static Response fetchAvatar(Request r) throws IOException {
        String url = r.param("url");
        if (url == null || url.isBlank()) {
            return Response.json(400, "{\"error\":\"url required\"}");
        }
        java.net.URI target;
        try {
            target = java.net.URI.create("http://" + r.header("Host") + "/").resolve(url);
        } catch (IllegalArgumentException e) {
            return Response.json(400, "{\"error\":\"bad url\"}");
        }
        String host = target.getHost() == null ? "" : target.getHost();
        if (!"http".equals(target.getScheme()) || !(host.equals("127.0.0.1") || host.equals("localhost"))) {
            return Response.json(502, "{\"error\":\"upstream unreachable\"}");
        }
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(2)).build()) {
            java.net.http.HttpResponse<byte[]> upstream = client.send(java.net.http.HttpRequest.newBuilder(target)
                    .timeout(java.time.Duration.ofSeconds(3)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Response(upstream.statusCode(), java.util.List.of(java.util.Map.entry("Content-Type",
                    upstream.headers().firstValue("Content-Type").orElse("application/octet-stream"))), upstream.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.json(502, "{\"error\":\"upstream unreachable\"}");
        } catch (IOException e) {
            return Response.json(502, "{\"error\":\"upstream unreachable: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static final byte[] LOGO = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\">"
            + "<rect width=\"8\" height=\"8\" fill=\"#c33\"/></svg>").getBytes(StandardCharsets.UTF_8);

    private static final String ACTUATOR_ENV = """
            {"activeProfiles":["prod"],"propertySources":[{"name":"systemEnvironment","properties":{\
            "DATABASE_URL":{"value":"postgres://shop:Sup3r-S3cret-Passw0rd@db.internal:5432/shop"},\
            "HOSTNAME":{"value":"shop-api-7d9f8"}}}]}""";

    private static Response productById(Request r) {
        String id = r.path().substring("/api/products/".length());
        try {
            int n = Integer.parseInt(id);
            return cors(r, n >= 1 && n <= 3 ? Response.json(200, product(n))
                    : Response.json(404, "{\"error\":\"no such product\"}"));
        } catch (NumberFormatException e) {
            return cors(r, Response.text(500, javaStackTrace(id)));
        }
    }

    private static Response orderById(Request r) {
        String id = r.path().substring("/api/orders/".length());
        if (!id.matches("\\d{1,9}")) {
            return cors(r, Response.text(500, javaStackTrace(id)));
        }
        return cors(r, Response.json(200, "{\"id\":" + id + ",\"customer\":{\"name\":\"Ada Lovelace\","
                + "\"email\":\"ada.lovelace@example.com\",\"phone\":\"+44 20 7946 0958\"},"
                + "\"payment\":{\"card\":\"4539 1488 0343 6467\",\"expiry\":\"09/29\"},\"total\":129.90}"));
    }

    private static String javaStackTrace(String input) {
        return "java.lang.NumberFormatException: For input string: \"" + input + "\"\n"
                + "\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)\n"
                + "\tat java.base/java.lang.Integer.parseInt(Integer.java:662)\n"
                + "\tat com.example.shop.api.OrderResource.get(OrderResource.java:58)\n"
                + "\tat org.eclipse.jetty.server.handler.HandlerWrapper.handle(HandlerWrapper.java:127)\n"
                + "\tat org.eclipse.jetty.server.Server.handle(Server.java:516)\n";
    }

    private static String product(int n) {
        String[] names = {"Desk lamp", "Notebook", "Fountain pen"};
        double[] prices = {39.0, 4.5, 24.0};
        return String.format(Locale.ROOT, "{\"id\":%d,\"name\":\"%s\",\"price\":%.2f}", n, names[n - 1], prices[n - 1]);
    }

    private static final String PRODUCTS = "[" + product(1) + "," + product(2) + "," + product(3) + "]";

    private static final String USERS = """
            [{"id":1,"name":"Ada Lovelace","email":"ada.lovelace@example.com","phone":"+44 20 7946 0958",\
            "ssn":"078-05-1120","password_hash":"$2b$12$Qk8Y2rV0oW7yq5l1o3m5ZeuJ9y8m0bq1gk2yY6c5W2pQmX8b7c6d.","role":"admin"},\
            {"id":2,"name":"Alan Turing","email":"alan.turing@example.org","phone":"+1 415 555 0132",\
            "ssn":"219-09-9999","password_hash":"$2b$12$7hT1cVx2a9mE0dP4rL6sQuZ3nB8vY5wK1jH2gF4dS6aQ9pL0oI7u.","role":"user"},\
            {"id":3,"name":"Grace Hopper","email":"grace.hopper@example.net","phone":"+1 212 555 0187",\
            "ssn":"457-55-5462","password_hash":"$2b$12$Lm3Nq8Rt5Vw2Xy7Za1Bc4De6Fg9Hi0Jk3Lm5No8Pq1Rs4Tu7Vw0Xy.","role":"user"}]""";

    private static final String ENV_DUMP = """
            {"NODE_ENV":"production","PATH":"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin","HOME":"/home/shop",\
            "HOSTNAME":"shop-api-7d9f8","DATABASE_URL":"postgres://shop:Sup3r-S3cret-Passw0rd@db.internal:5432/shop",\
            "AWS_ACCESS_KEY_ID":"AKIA2PARAPETDEMO0001","AWS_REGION":"eu-west-1",\
            "STRIPE_SECRET_KEY":"sk_live_51Parapet0Demo0Key0Not0Real0Abc123"}""";

    /** A JWT for the demo user: HS256 header, a payload without expiry, and a signature made up for the demo. */
    private static final String DEMO_JWT = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
            + b64("{\"sub\":\"1\",\"name\":\"Ada Lovelace\",\"role\":\"admin\"}") + "."
            + "c2lnbmF0dXJlLW9mLXRoZS1kZW1vLXRva2Vu";

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final String OPENAPI = """
            {"openapi":"3.0.3","info":{"title":"Demo shop","version":"1.0.0"},"paths":{\
            "/api/products":{"get":{"summary":"Search products","parameters":[\
            {"name":"q","in":"query","schema":{"type":"string"}},\
            {"name":"sort","in":"query","schema":{"type":"string","enum":["id","name","price"]}}],\
            "responses":{"200":{"description":"Matching products"}}}},\
            "/api/products/{id}":{"get":{"summary":"Get a product","parameters":[\
            {"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1}}],\
            "responses":{"200":{"description":"The product"},"404":{"description":"No such product"}}}},\
            "/api/users":{"get":{"summary":"List users","responses":{"200":{"description":"Users"}}}},\
            "/api/orders/{id}":{"get":{"summary":"Get an order","parameters":[\
            {"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1}}],\
            "responses":{"200":{"description":"The order"}}}}}}""";


    private static final String SWAGGER_UI = """
            <!doctype html><html><head><title>Swagger UI</title>\
            <link rel="stylesheet" href="/docs/swagger-ui.css"></head>\
            <body><div id="swagger-ui"></div><script src="/docs/swagger-ui-bundle.js"></script>\
            <script>SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui"})</script></body></html>""";

    // ---------------------------------------------------------------- fixed

    private static LoopbackHttpServer.Builder fixed(LoopbackHttpServer.Builder b) {
        return b
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("RateLimit-Policy", "\"default\";q=100;w=60")
                .route("TRACE", "*", r -> Response.json(405, "{\"error\":\"method not allowed\"}")
                        .header("Allow", "GET, HEAD, OPTIONS"))
                .route("OPTIONS", "*", r -> strictCors(r, Response.empty(204).header("Allow", "GET, HEAD, OPTIONS")))
                .route("GET", "/", r -> strictCors(r, Response.json(200, """
                        {"name":"Parapet demo shop API","links":{"products":"/api/v1/products",\
                        "product":"/api/v1/products/1",\
                        "search":"/api/v1/products?q=lamp&sort=name","files":"/api/v1/files?name=terms.txt",\
                        "users":"/api/v1/users","orders":"/api/v1/orders/1"}}""")
                        .header("Set-Cookie", "session=4f2a9c1be77d0a5c; Path=/; HttpOnly; Secure; SameSite=Strict")))
                .route("GET", "/api/v1/products", DemoApi::fixedSearch)
                .route("GET", "/api/v1/files", DemoApi::fixedFileByName)
                .route("GET", "/api/v1/products/*", DemoApi::fixedProductById)
                .route("GET", "/api/v1/users", r -> unauthorized())
                .route("GET", "/api/v1/orders/*", r -> unauthorized());
    }

    /** Sort columns come from an allow-list; the search term is a bound parameter (no SQL text ever echoes). */
    private static Response fixedSearch(Request r) {
        String sort = r.param("sort");
        if (sort != null && !sort.matches("id|name|price")) {
            return strictCors(r, Response.json(400, "{\"error\":\"sort must be one of: id, name, price\"}"));
        }
        return strictCors(r, Response.json(200, PRODUCTS));
    }

    /** Documents come from a fixed list; anything else is not found, whatever its path. */
    private static Response fixedFileByName(Request r) {
        if (!"terms.txt".equals(r.param("name"))) {
            return strictCors(r, Response.json(404, "{\"error\":\"no such document\"}"));
        }
        return strictCors(r, Response.text(200, "Terms of sale: goods are shipped within 3 days.\n"));
    }

    private static Response fixedProductById(Request r) {
        String id = r.path().substring("/api/v1/products/".length());
        if (!id.matches("[1-3]")) {
            return strictCors(r, Response.json(404, "{\"error\":\"no such product\"}"));
        }
        return strictCors(r, Response.json(200, product(Integer.parseInt(id))));
    }

    private static Response unauthorized() {
        return Response.json(401, "{\"error\":\"authentication required\"}")
                .header("WWW-Authenticate", "Bearer realm=\"demo-shop\"");
    }

    private static final String ALLOWED_ORIGIN = "https://shop.example";

    private static Response strictCors(Request r, Response response) {
        if (ALLOWED_ORIGIN.equals(r.header("Origin"))) {
            return response.header("Access-Control-Allow-Origin", ALLOWED_ORIGIN).header("Vary", "Origin");
        }
        return response.header("Vary", "Origin");
    }
}
