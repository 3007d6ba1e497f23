package dev.parapet.testkit.bench;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Request;
import dev.parapet.demo.LoopbackHttpServer.Response;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * An API of any number of operations, for measuring a scan's coverage and cost at size: its OpenAPI 3 document
 * ({@link #spec}) and a server on 127.0.0.1 that answers every documented operation ({@link #start}).
 *
 * <p>Operations come in resources of ten ({@code /res{r}/…}), operation {@code k} being kind {@code k % 10} of
 * resource {@code k / 10}: a listing with optional query parameters that have defaults and an enum, an item by path
 * id, an attachment named by a file-like {@code template}, a search, an image preview from a URL-like
 * {@code source} ({@code format: uri}), statistics between two dates, an item's history, a tag by path segment, and
 * (every tenth resource) a JSON-bodied POST and PUT of orders where other resources have two more GETs.
 *
 * <p>Answers are small, fixed JSON that depends only on the path and the parameters' validity: items 1 to 3 and
 * tags red, green, blue exist, anything else is a 404; an unknown template is a 400; a preview never fetches its
 * URL. No input is reflected, evaluated or fetched, so a scan should find only what the headers say (no TLS, no
 * security headers). Thread-safe; stateless.
 */
public final class GeneratedApi {

    /** Operations per resource: kinds 0 to 9. */
    static final int KINDS = 10;
    /** One resource in this many carries the two JSON-bodied operations. */
    static final int BODY_EVERY = 10;

    private static final Set<String> ITEMS = Set.of("1", "2", "3");
    private static final Set<String> TAGS = Set.of("red", "green", "blue");
    private static final Set<String> TEMPLATES = Set.of("statement.txt", "invoice.txt");
    private static final Response NOT_FOUND = Response.json(404, "{\"error\":\"not found\"}");

    private final int operations;

    private GeneratedApi(int operations) {
        if (operations < 1) {
            throw new IllegalArgumentException("an API needs at least one operation, not " + operations);
        }
        this.operations = operations;
    }

    public static GeneratedApi of(int operations) {
        return new GeneratedApi(operations);
    }

    public int operations() {
        return operations;
    }

    /** The OpenAPI 3.0 document of every operation, as JSON, with no servers (paths resolve against the target). */
    public String spec() {
        return GeneratedApiSpec.json(operations);
    }

    /** Starts the API on 127.0.0.1 and a free port; {@code GET /openapi.json} serves {@link #spec()}. */
    public LoopbackHttpServer start() throws IOException {
        String spec = spec();
        String root = "{\"name\":\"Generated API\",\"operations\":" + operations + ",\"spec\":\"/openapi.json\"}";
        return LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, root))
                .route("GET", "/openapi.json", r -> Response.json(200, spec))
                .route("*", "/res*", this::answer)
                .start();
    }

    /** The answer to a request under {@code /res{r}/}: the operation it names, or a 404. */
    Response answer(Request r) {
        List<String> seg = List.of(r.path().substring(1).split("/", -1));
        int resource = resourceIndex(seg.getFirst());
        if (resource < 0 || seg.size() < 2) {
            return NOT_FOUND;
        }
        String method = r.method();
        String id = seg.size() >= 3 ? seg.get(2) : "";
        return switch (shape(method, seg)) {
            case "GET items" -> exists(resource, 0) ? Response.json(200, listing(resource)) : NOT_FOUND;
            case "GET items/{id}" -> exists(resource, 1) && ITEMS.contains(id) ? Response.json(200, item(resource, id))
                    : NOT_FOUND;
            case "GET items/{id}/attachment" -> !exists(resource, 2) || !ITEMS.contains(id) ? NOT_FOUND
                    : TEMPLATES.contains(value(r, "template", "statement.txt"))
                    ? Response.json(200, "{\"item\":" + id + ",\"pages\":2}")
                    : Response.json(400, "{\"error\":\"unknown template\"}");
            case "GET search" -> exists(resource, 3) ? Response.json(200, "{\"results\":[],\"total\":0}") : NOT_FOUND;
            case "GET items/{id}/preview" -> exists(resource, 4) && ITEMS.contains(id)
                    ? Response.json(202, "{\"preview\":\"queued\"}") : NOT_FOUND;
            case "GET stats" -> exists(resource, 5) ? Response.json(200, "{\"count\":3,\"currency\":\"EUR\"}")
                    : NOT_FOUND;
            case "GET items/{id}/history" -> exists(resource, 6) && ITEMS.contains(id)
                    ? Response.json(200, "{\"events\":[{\"at\":\"2024-01-01T00:00:00Z\",\"kind\":\"created\"}]}")
                    : NOT_FOUND;
            case "GET tags/{tag}" -> exists(resource, 7) && TAGS.contains(id)
                    ? Response.json(200, "{\"tag\":\"" + id + "\",\"items\":[1,2]}") : NOT_FOUND;
            case "POST orders" -> hasBodies(resource) && exists(resource, 8)
                    ? Response.json(201, "{\"id\":4,\"created\":true}") : NOT_FOUND;
            case "GET count" -> !hasBodies(resource) && exists(resource, 8) ? Response.json(200, "{\"count\":3}")
                    : NOT_FOUND;
            case "PUT orders/{id}" -> hasBodies(resource) && exists(resource, 9) && ITEMS.contains(id)
                    ? Response.json(200, "{\"id\":" + id + ",\"updated\":true}") : NOT_FOUND;
            case "GET items/{id}/owner" -> !hasBodies(resource) && exists(resource, 9) && ITEMS.contains(id)
                    ? Response.json(200, "{\"owner\":\"team-" + resource + "\"}") : NOT_FOUND;
            default -> NOT_FOUND;
        };
    }

    /** The method and the path after {@code /res{r}/} with its variable segment named, e.g. {@code GET items/{id}}. */
    private static String shape(String method, List<String> seg) {
        StringBuilder b = new StringBuilder(method).append(' ').append(seg.get(1));
        for (int i = 2; i < seg.size(); i++) {
            b.append('/').append(i == 2 ? (seg.get(1).equals("tags") ? "{tag}" : "{id}") : seg.get(i));
        }
        return b.toString();
    }

    private boolean exists(int resource, int kind) {
        return (long) resource * KINDS + kind < operations;
    }

    static boolean hasBodies(int resource) {
        return resource % BODY_EVERY == 0;
    }

    /** The resource index of a first segment {@code res{r}}, or -1. */
    private static int resourceIndex(String segment) {
        if (!segment.startsWith("res") || segment.length() < 4 || segment.length() > 12) {
            return -1;
        }
        for (int i = 3; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(segment, 3, segment.length(), 10);
    }

    private static String value(Request r, String name, String dflt) {
        String v = r.param(name);
        return v == null ? dflt : v;
    }

    private static String listing(int resource) {
        return "{\"items\":[{\"id\":1,\"name\":\"item 1\"},{\"id\":2,\"name\":\"item 2\"},{\"id\":3,\"name\":"
                + "\"item 3\"}],\"total\":3,\"resource\":" + resource + "}";
    }

    private static String item(int resource, String id) {
        return "{\"id\":" + id + ",\"name\":\"item " + id + "\",\"resource\":" + resource + "}";
    }
}
