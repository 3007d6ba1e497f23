package dev.parapet.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small routed HTTP server on 127.0.0.1 and a free port, for the demo API and the testkit's fixtures. Routes
 * match the method ({@code *} for any) and the path (exact, or a prefix when the pattern ends with {@code *}),
 * first match wins; anything else is a JSON 404. Handlers run on virtual threads. Never binds beyond loopback.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** A parsed request. Query parameters keep their first value; {@code headers} keys are lower-case. */
    public record Request(String method, URI uri, String path, Map<String, String> query,
                          Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.getFirst();
        }

        public String param(String name) {
            return query.get(name);
        }
    }

    /** A response; headers keep their insertion order and may repeat. */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        public static Response json(int status, String json) {
            return new Response(status, List.of(Map.entry("Content-Type", "application/json; charset=utf-8")),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response text(int status, String text) {
            return new Response(status, List.of(Map.entry("Content-Type", "text/plain; charset=utf-8")),
                    text.getBytes(StandardCharsets.UTF_8));
        }

        public static Response html(int status, String html) {
            return new Response(status, List.of(Map.entry("Content-Type", "text/html; charset=utf-8")),
                    html.getBytes(StandardCharsets.UTF_8));
        }

        public static Response empty(int status) {
            return new Response(status, List.of(), new byte[0]);
        }

        public Response header(String name, String value) {
            List<Map.Entry<String, String>> h = new ArrayList<>(headers);
            h.add(Map.entry(name, value));
            return new Response(status, h, body);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws IOException;
    }

    private record Route(String method, String path, Handler handler, HttpHandler raw) {
        boolean matches(String m, String p) {
            boolean methodOk = method.equals("*") || method.equalsIgnoreCase(m);
            boolean pathOk = path.endsWith("*") ? p.startsWith(path.substring(0, path.length() - 1)) : path.equals(p);
            return methodOk && pathOk;
        }
    }

    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private final List<Map.Entry<String, String>> commonHeaders = new ArrayList<>();
        private java.util.function.Consumer<Request> observer;

        public Builder route(String method, String path, Handler handler) {
            routes.add(new Route(method, path, handler, null));
            return this;
        }

        /** A route that writes the exchange itself: for hostile behaviour (slow drip, broken framing). */
        public Builder raw(String method, String path, HttpHandler handler) {
            routes.add(new Route(method, path, null, handler));
            return this;
        }

        /** Headers added to every response that does not set them itself. */
        public Builder header(String name, String value) {
            commonHeaders.add(Map.entry(name, value));
            return this;
        }

        /**
         * Shows {@code seen} every request before it is routed, for tests that inspect what a scan sent. It runs on
         * the server's threads and must be thread-safe; a raw route then finds the body already read.
         */
        public Builder observer(java.util.function.Consumer<Request> seen) {
            observer = seen;
            return this;
        }

        public LoopbackHttpServer start() throws IOException {
            return new LoopbackHttpServer(List.copyOf(routes), List.copyOf(commonHeaders), observer);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong requests = new AtomicLong();

    private LoopbackHttpServer(List<Route> routes, List<Map.Entry<String, String>> commonHeaders,
                               java.util.function.Consumer<Request> observer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                dispatch(exchange, routes, commonHeaders, observer);
            } catch (IOException | RuntimeException e) {
                // the client went away or the handler failed; nothing more to send
            }
        });
        server.start();
    }

    private static void dispatch(HttpExchange exchange, List<Route> routes, List<Map.Entry<String, String>> common,
                                 java.util.function.Consumer<Request> observer) throws IOException {
        Request observed = null;
        if (observer != null) {
            observed = parse(exchange);
            observer.accept(observed);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        for (Route r : routes) {
            if (r.matches(method, path)) {
                if (r.raw() != null) {
                    r.raw().handle(exchange);
                    return;
                }
                Response response = r.handler().handle(observed != null ? observed : parse(exchange));
                write(exchange, response, common);
                return;
            }
        }
        write(exchange, Response.json(404, "{\"error\":\"not found\"}"), common);
    }

    private static Request parse(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(k, v);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
        return new Request(exchange.getRequestMethod(), uri, uri.getPath(), query, headers, body);
    }

    private static void write(HttpExchange exchange, Response response, List<Map.Entry<String, String>> common)
            throws IOException {
        var h = exchange.getResponseHeaders();
        for (Map.Entry<String, String> e : response.headers()) {
            h.add(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : common) {
            if (!h.containsKey(e.getKey())) {
                h.add(e.getKey(), e.getValue());
            }
        }
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || response.body().length == 0
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public URI uri(String path) {
        return uri().resolve(path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far, for tests that count what a scan sent. */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
