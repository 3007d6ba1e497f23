package dev.parapet.engine;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.ApiRequestBody;
import dev.parapet.spi.HtmlForm;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Surface;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the scan's {@link Surface} from the inventory: every documented operation (all methods, every parameter,
 * optional ones included with their documented or synthesised values, body fields from the synthesised body), every
 * discovered GET URL grouped by its path shape ({@code /users/7} and {@code /users/9} are one operation,
 * {@code /users/{id}}), HTML forms, and the cookies the target sets. Only URLs inside the scope are kept.
 * Linear in the inventory (plus sorting); one instance per scan, not thread-safe.
 */
final class SurfaceBuilder {

    /** Cookies the target sets become inputs of the target's own operation, at most this many. */
    private static final int MAX_COOKIES = 10;
    /** Headers a credential stamp owns: never an input, or a probe would fight the user's credentials. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final ScopeGuard scope;
    private final ShapeClassifier shapes;
    private final StateChange stateChange;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, List<InputPoint>> inputs = new LinkedHashMap<>();

    SurfaceBuilder(ScopeGuard scope, SurfaceVocabulary vocabulary) {
        this.scope = scope;
        this.shapes = new ShapeClassifier(vocabulary);
        this.stateChange = new StateChange(vocabulary);
    }

    Surface build(Inventory inventory) {
        for (ApiOperation op : inventory.spec().operations()) {
            op.uri().filter(scope::allows).ifPresent(u -> documented(op, u));
        }
        for (Endpoint e : inventory.endpoints()) {
            if (e.method().equals("GET") && scope.allows(e.uri()) && !e.uri().toString().contains("{")
                    && inventory.spec().match("GET", e.uri()).isEmpty()) {
                discovered(e.uri(), e.source());
            }
        }
        for (HtmlForm form : inventory.forms()) {
            if (scope.allows(form.action())) {
                form(form);
            }
        }
        groupDiscovered();
        cookies(inventory);
        List<Operation> ordered = new ArrayList<>(operations.values());
        ordered.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        List<InputPoint> points = new ArrayList<>();
        for (Operation op : ordered) {
            points.addAll(inputs.getOrDefault(key(op.method(), op.path()), List.of()));
        }
        return new Surface(ordered, points);
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }

    private void documented(ApiOperation api, URI uri) {
        String path = fullTemplate(api.pathTemplate(), uri);
        String key = key(api.method(), path);
        if (operations.containsKey(key)) {
            return;
        }
        Headers headers = Headers.EMPTY;
        List<String> cookies = new ArrayList<>();
        for (ApiParameter p : api.parameters()) {
            boolean sent = p.required() || !p.documentedValues().isEmpty();
            String lower = p.name().toLowerCase(Locale.ROOT);
            if (p.in().equals("header") && sent && !CREDENTIAL_HEADERS.contains(lower)) {
                headers = headers.with(p.name(), p.value());
            } else if (p.in().equals("cookie") && sent) {
                cookies.add(p.name() + "=" + p.value());
            }
        }
        if (!cookies.isEmpty()) {
            headers = headers.with("Cookie", String.join("; ", cookies));
        }
        String body = "";
        Optional<ApiRequestBody> requestBody = api.requestBody();
        if (requestBody.isPresent() && !api.safeToCall()) {
            headers = headers.with("Content-Type", requestBody.get().mediaType());
            body = requestBody.get().example();
        }
        ProbeRequest example = new ProbeRequest(api.method(), uri, headers, body, false);
        Operation op = new Operation(api.method(), path, example, Endpoint.Source.SPEC, Optional.of(api),
                stateChange.of(api));
        operations.put(key, op);
        List<InputPoint> points = new ArrayList<>();
        int prefixSegments = segments(uri.getRawPath()).size() - segments(api.pathTemplate()).size();
        List<String> templateSegments = segments(api.pathTemplate());
        for (ApiParameter p : api.parameters()) {
            Optional<InputLocation> location = InputLocation.ofSpec(p.in());
            if (location.isEmpty() || location.get() == InputLocation.HEADER
                    && CREDENTIAL_HEADERS.contains(p.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String locator = p.name();
            if (location.get() == InputLocation.PATH) {
                int index = templateSegments.indexOf("{" + p.name() + "}");
                if (index < 0 || prefixSegments < 0) {
                    continue;
                }
                locator = Integer.toString(prefixSegments + index);
            }
            String value = location.get() == InputLocation.PATH
                    ? decode(segments(uri.getRawPath()).get(Integer.parseInt(locator))) : p.value();
            points.add(point(op, location.get(), p.name(), locator, value, p.documentedValues(), p.schemaType(),
                    p.format(), p.description(), p.required(), Endpoint.Source.SPEC));
        }
        if (requestBody.isPresent() && !api.safeToCall()) {
            ApiRequestBody b = requestBody.get();
            if (b.xml()) {
                points.add(point(op, InputLocation.XML, "body", "", b.example(), List.of(), "", "", "", b.required(),
                        Endpoint.Source.SPEC));
            } else {
                InputLocation loc = b.form() ? InputLocation.FORM : InputLocation.JSON;
                if (b.json() || b.form()) {
                    for (ApiRequestBody.Field f : b.fields()) {
                        points.add(point(op, loc, f.name(), b.form() ? f.name() : f.pointer(), f.value(),
                                f.documentedValues(), f.schemaType(), f.format(), f.description(), f.required(),
                                Endpoint.Source.SPEC));
                    }
                }
            }
        }
        inputs.put(key, points);
    }

    /** The documented template with the server prefix the mapped URL carries: {@code /api/v1} + {@code /users/{id}}. */
    static String fullTemplate(String template, URI mapped) {
        List<String> mappedSegments = segments(mapped.getRawPath());
        List<String> templateSegments = segments(template);
        int prefix = mappedSegments.size() - templateSegments.size();
        if (prefix <= 0) {
            return template.isEmpty() ? "/" : template;
        }
        return "/" + String.join("/", mappedSegments.subList(0, prefix))
                + (template.startsWith("/") ? template : "/" + template);
    }

    /** A discovered GET URL waiting to be grouped by its path shape. */
    private record Seen(URI uri, Endpoint.Source source) {
    }

    private final Map<String, List<Seen>> discoveredByShape = new LinkedHashMap<>();

    private void discovered(URI uri, Endpoint.Source source) {
        discoveredByShape.computeIfAbsent(key("GET", operationPathOf(uri)), k -> new ArrayList<>())
                .add(new Seen(uri, source));
    }

    /**
     * One operation per path shape: the URL with the most query parameters is the example (the first of them when
     * several tie), every parameter any URL of the shape carried is an input (those the example lacks are added to
     * it when varied), and each id-like path segment is a path input.
     */
    private void groupDiscovered() {
        for (var entry : discoveredByShape.entrySet()) {
            if (operations.containsKey(entry.getKey())) {
                continue;
            }
            List<Seen> seen = entry.getValue();
            Seen example = seen.getFirst();
            for (Seen s : seen) {
                if (query(s.uri().getRawQuery()).size() > query(example.uri().getRawQuery()).size()) {
                    example = s;
                }
            }
            URI uri = example.uri();
            String path = entry.getKey().substring(4);
            Operation op = new Operation("GET", path, ProbeRequest.get(uri), example.source(), Optional.empty(),
                    stateChange.ofPath("GET", uri.getRawPath()));
            operations.put(entry.getKey(), op);
            List<InputPoint> points = new ArrayList<>();
            List<String> raw = segments(uri.getRawPath());
            List<String> shaped = segments(path);
            for (int i = 0; i < shaped.size() && i < raw.size(); i++) {
                if (shaped.get(i).startsWith("{")) {
                    String name = shaped.get(i).substring(1, shaped.get(i).length() - 1);
                    points.add(point(op, InputLocation.PATH, name, Integer.toString(i), decode(raw.get(i)),
                            List.of(), "", "", "", true, example.source()));
                }
            }
            Map<String, String> params = new LinkedHashMap<>(query(uri.getRawQuery()));
            Map<String, Endpoint.Source> sources = new LinkedHashMap<>();
            for (String n : params.keySet()) {
                sources.put(n, example.source());
            }
            for (Seen s : seen) {
                for (var q : query(s.uri().getRawQuery()).entrySet()) {
                    if (params.putIfAbsent(q.getKey(), q.getValue()) == null) {
                        sources.put(q.getKey(), s.source());
                    }
                }
            }
            for (var q : params.entrySet()) {
                points.add(point(op, InputLocation.QUERY, q.getKey(), q.getKey(), q.getValue(), List.of(), "", "",
                        "", false, sources.get(q.getKey())));
            }
            inputs.put(entry.getKey(), points);
        }
    }

    private void form(HtmlForm form) {
        if (form.method().equals("GET")) {
            StringBuilder q = new StringBuilder();
            for (HtmlForm.Field f : form.fields()) {
                q.append(q.isEmpty() ? "" : "&").append(RequestBodies.formPair(f.name(), f.value()));
            }
            URI action = form.action();
            String base = action.getScheme() + "://" + action.getRawAuthority()
                    + (action.getRawPath() == null || action.getRawPath().isEmpty() ? "/" : action.getRawPath());
            discovered(URI.create(base + (q.isEmpty() ? "" : "?" + q)), Endpoint.Source.FORM);
            return;
        }
        String path = form.action().getRawPath() == null || form.action().getRawPath().isEmpty() ? "/"
                : form.action().getRawPath();
        String key = key(form.method(), path);
        if (operations.containsKey(key)) {
            return;
        }
        StringBuilder body = new StringBuilder();
        for (HtmlForm.Field f : form.fields()) {
            body.append(body.isEmpty() ? "" : "&").append(RequestBodies.formPair(f.name(), f.value()));
        }
        ProbeRequest example = new ProbeRequest(form.method(), form.action(),
                Headers.of("Content-Type", "application/x-www-form-urlencoded"), body.toString(), false);
        Operation op = new Operation(form.method(), path, example, Endpoint.Source.FORM, Optional.empty(),
                Optional.empty());
        operations.put(key, op);
        List<InputPoint> points = new ArrayList<>();
        for (HtmlForm.Field f : form.fields()) {
            if (f.type().equals("submit") || f.type().equals("button") || f.type().equals("image")) {
                continue;
            }
            String type = f.type().equals("number") ? "integer" : f.type().equals("checkbox") ? "boolean" : "string";
            String format = switch (f.type()) {
                case "email" -> "email";
                case "password" -> "password";
                case "url" -> "uri";
                case "date" -> "date";
                default -> "";
            };
            points.add(point(op, InputLocation.FORM, f.name(), f.name(), f.value(), List.of(), type, format, "",
                    false, Endpoint.Source.FORM));
        }
        inputs.put(key, points);
    }

    /** Cookies the target set on its own origin, as inputs of the target's operation. */
    private void cookies(Inventory inventory) {
        Optional<Exchange> target = inventory.targetExchange();
        if (target.isEmpty()) {
            return;
        }
        String key = key("GET", operationPathOf(target.get().request().uri()));
        Operation op = operations.get(key);
        if (op == null) {
            return;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Exchange e : inventory.exchanges()) {
            if (!e.answered() || !scope.allows(e.request().uri())) {
                continue;
            }
            for (String setCookie : e.responseHeaders().all("Set-Cookie")) {
                int eq = setCookie.indexOf('=');
                if (eq > 0 && seen.size() < MAX_COOKIES) {
                    int semi = setCookie.indexOf(';', eq);
                    seen.putIfAbsent(setCookie.substring(0, eq).strip(),
                            setCookie.substring(eq + 1, semi < 0 ? setCookie.length() : semi).strip());
                }
            }
        }
        List<InputPoint> points = inputs.computeIfAbsent(key, k -> new ArrayList<>());
        for (var c : seen.entrySet()) {
            points.add(point(op, InputLocation.COOKIE, c.getKey(), c.getKey(), c.getValue(), List.of(), "", "", "",
                    false, Endpoint.Source.DISCOVERED));
        }
    }

    private static String operationPathOf(URI uri) {
        return SurfaceIndex.shape(uri.getRawPath());
    }

    private InputPoint point(Operation op, InputLocation location, String name, String locator, String value,
                             List<String> documented, String type, String format, String description,
                             boolean required, Endpoint.Source source) {
        List<String> values = new ArrayList<>();
        values.add(value);
        values.addAll(documented);
        return new InputPoint(op, location, name, locator, value, documented, type, format, description, required,
                shapes.classify(location, name, type, format, description, values), source);
    }

    /** Path segments after the leading slash, a trailing empty one dropped. */
    static List<String> segments(String rawPath) {
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        List<String> out = new ArrayList<>(List.of(p.substring(p.startsWith("/") ? 1 : 0).split("/", -1)));
        if (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    /** Numeric, UUID, or long hexadecimal segments name one object: {@code /users/7}, {@code /orders/5f2b…}. */
    static boolean identifierLike(String segment) {
        if (segment.isEmpty() || segment.length() > 64) {
            return false;
        }
        if (ShapeClassifier.isNumber(segment) && !segment.contains(".")) {
            return true;
        }
        if (ShapeClassifier.isUuid(segment)) {
            return true;
        }
        boolean hex = segment.length() >= 12;
        boolean digit = false;
        for (int i = 0; i < segment.length() && hex; i++) {
            char c = segment.charAt(i);
            hex = Character.digit(c, 16) >= 0;
            digit |= Character.isDigit(c);
        }
        return hex && digit;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!name.isEmpty()) {
                out.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
