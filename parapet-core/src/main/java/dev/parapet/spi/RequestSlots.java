package dev.parapet.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the variations of {@link InputPoint}: the example request with one input replaced. Stateless and
 * thread-safe. Other inputs keep their exact original encoding, so only the varied input differs from the
 * baseline.
 */
final class RequestSlots {

    enum Mode { ENCODE, RAW, JSON_LITERAL }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestSlots() {
    }

    static ProbeRequest set(InputPoint p, String value, Mode mode) {
        ProbeRequest base = p.baseline();
        String v = value == null ? "" : value;
        return switch (p.location()) {
            case QUERY -> withUri(base, queryReplaced(base.uri(), p.name(), null,
                    mode == Mode.RAW ? rawInUrl(v) : encode(v)));
            case PATH -> withUri(base, pathReplaced(base.uri(), segment(p), mode == Mode.RAW ? rawInUrl(v)
                    : encode(v)));
            case HEADER -> base.withHeader(p.name(), headerSafe(v));
            case COOKIE -> base.withHeader("Cookie", cookieReplaced(base.headers().first("Cookie").orElse(""),
                    p.name(), mode == Mode.RAW ? headerSafe(v) : cookieEncode(v)));
            case FORM -> withBody(base, pairsReplaced(base.body(), p.name(), null,
                    mode == Mode.RAW ? v : formEncode(v)));
            case JSON -> withBody(base, jsonReplaced(base.body(), p.locator(), v, mode == Mode.JSON_LITERAL));
            case XML -> withBody(base, v);
        };
    }

    static ProbeRequest rename(InputPoint p, String rawName, String rawValue) {
        ProbeRequest base = p.baseline();
        return switch (p.location()) {
            case QUERY -> withUri(base, queryReplaced(base.uri(), p.name(), rawInUrl(rawName), rawInUrl(rawValue)));
            case FORM -> withBody(base, pairsReplaced(base.body(), p.name(), rawName, rawValue));
            default -> set(p, rawValue, Mode.RAW);
        };
    }

    private static ProbeRequest withUri(ProbeRequest base, URI uri) {
        return new ProbeRequest(base.method(), uri, base.headers(), base.body(), base.followRedirects(),
                base.identity());
    }

    private static ProbeRequest withBody(ProbeRequest base, String body) {
        return new ProbeRequest(base.method(), base.uri(), base.headers(), body, base.followRedirects(),
                base.identity());
    }

    static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String formEncode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /** Leaves the value as given but for characters no URI may hold (space, quotes, angle brackets, controls…). */
    static String rawInUrl(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean legal = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (legal) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String headerSafe(String v) {
        return v.replace('\r', ' ').replace('\n', ' ');
    }

    private static String cookieEncode(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (char c : headerSafe(v).toCharArray()) {
            if (c == ';' || c == ',' || c == ' ' || c == '"' || c == '\\' || c == '%') {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** {@code uri} with the first parameter called {@code name} set (and renamed when {@code rawName} is given). */
    static URI queryReplaced(URI uri, String name, String rawName, String rawValue) {
        String query = pairsReplaced(uri.getRawQuery() == null ? "" : uri.getRawQuery(), name,
                rawName, rawValue);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
    }

    private static String pairsReplaced(String raw, String name, String rawName, String rawValue) {
        List<String> pairs = new ArrayList<>();
        boolean replaced = false;
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String pairName = eq < 0 ? pair : pair.substring(0, eq);
            if (!replaced && decode(pairName.replace('+', ' ')).equals(name)) {
                pairs.add((rawName == null ? pairName : rawName) + "=" + rawValue);
                replaced = true;
            } else {
                pairs.add(pair);
            }
        }
        if (!replaced) {
            pairs.add((rawName == null ? encode(name) : rawName) + "=" + rawValue);
        }
        return String.join("&", pairs);
    }

    private static int segment(InputPoint p) {
        try {
            return Integer.parseInt(p.locator());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("path input " + p.key() + " has no segment index: " + p.locator());
        }
    }

    static URI pathReplaced(URI uri, int segment, String rawValue) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String[] parts = path.substring(1).split("/", -1);
        if (segment < 0 || segment >= parts.length) {
            throw new IllegalStateException("no segment " + segment + " in " + path);
        }
        parts[segment] = rawValue;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/" + String.join("/", parts) + query);
    }

    private static String cookieReplaced(String header, String name, String value) {
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        for (String c : header.split(";")) {
            String t = c.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (!replaced && (eq < 0 ? t : t.substring(0, eq)).equals(name)) {
                out.add(name + "=" + value);
                replaced = true;
            } else {
                out.add(t);
            }
        }
        if (!replaced) {
            out.add(name + "=" + value);
        }
        return String.join("; ", out);
    }

    /** The body with the node at {@code pointer} replaced; a body that is not JSON becomes the value alone. */
    static String jsonReplaced(String body, String pointer, String value, boolean literal) {
        JsonNode replacement;
        try {
            replacement = literal ? JSON.readTree(value) : TextNode.valueOf(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON value: " + value, e);
        }
        JsonNode root;
        try {
            root = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            root = null;
        }
        if (root == null || pointer.isEmpty() || pointer.equals("/")) {
            return replacement.toString();
        }
        root = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        String parentPointer = pointer.substring(0, slash);
        String leaf = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
        if (parent instanceof ObjectNode o) {
            o.set(leaf, replacement);
        } else if (parent instanceof ArrayNode a) {
            try {
                int i = Integer.parseInt(leaf);
                if (i >= 0 && i < a.size()) {
                    a.set(i, replacement);
                } else {
                    a.add(replacement);
                }
            } catch (NumberFormatException e) {
                a.add(replacement);
            }
        } else if (root instanceof ObjectNode o) {
            o.set(leaf, replacement);
        }
        return root.toString();
    }
}
