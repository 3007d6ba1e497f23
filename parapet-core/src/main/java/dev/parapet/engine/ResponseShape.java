package dev.parapet.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.parapet.model.Exchange;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What an answer looks like, for telling two answers apart without comparing them byte for byte: status, kind of
 * body, length, a shape (a JSON object's top-level keys, {@code array} for a JSON array, an HTML page's title, the
 * first line of text), the redirect target, and a hash of the body. Text the request put into the answer (its
 * path, parameter names and values, given as {@code echoed}) is removed first, so a 404 page saying
 * {@code Cannot GET /x} and one saying {@code Cannot GET /y} have the same shape. Reads at most
 * {@link #MAX_SHAPE_CHARS} of the body, with Jackson's streaming parser for JSON (no tree). Immutable.
 *
 * @param status   the HTTP status, 0 when not answered
 * @param kind     {@code json}, {@code html}, {@code text}, {@code other} or {@code empty}
 * @param length   characters in the body once echoes are removed
 * @param shape    the kind-specific outline described above
 * @param location the redirect target with the request's path removed, else empty
 * @param hash     hash of the body once echoes are removed
 */
record ResponseShape(int status, String kind, int length, String shape, String location, int hash) {

    static final int MAX_SHAPE_CHARS = 256 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    static ResponseShape of(Exchange e, Collection<String> echoed) {
        if (!e.answered()) {
            return new ResponseShape(0, "empty", 0, "", "", 0);
        }
        String body = e.body().length() > MAX_SHAPE_CHARS ? e.body().substring(0, MAX_SHAPE_CHARS) : e.body();
        for (String s : echoed) {
            if (s.length() >= 3 && body.contains(s)) {
                body = body.replace(s, "");
            }
        }
        String location = e.responseHeaders().first("Location").orElse("");
        for (String s : echoed) {
            if (s.length() >= 3) {
                location = location.replace(s, "");
            }
        }
        String type = e.response().contentType().toLowerCase(Locale.ROOT);
        String trimmed = body.strip();
        String kind;
        String shape;
        if (trimmed.isEmpty()) {
            kind = "empty";
            shape = "";
        } else if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
            kind = "json";
            shape = jsonShape(trimmed);
        } else if (type.contains("html") || trimmed.regionMatches(true, 0, "<!doctype html", 0, 14)
                || trimmed.regionMatches(true, 0, "<html", 0, 5)) {
            kind = "html";
            shape = "title:" + title(trimmed);
        } else if (type.startsWith("text/") || type.isEmpty()) {
            kind = "text";
            int nl = trimmed.indexOf('\n');
            String first = nl < 0 ? trimmed : trimmed.substring(0, nl);
            shape = first.length() > 60 ? first.substring(0, 60) : first;
        } else {
            kind = "other";
            shape = type;
        }
        return new ResponseShape(e.status(), kind, body.length(), shape, location, body.hashCode());
    }

    /** A JSON object's sorted top-level keys, {@code array} or the scalar's type; {@code invalid} when unparsable. */
    static String jsonShape(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return "array";
            }
            if (first != JsonToken.START_OBJECT) {
                return first == null ? "invalid" : "scalar";
            }
            TreeSet<String> keys = new TreeSet<>();
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT && keys.size() < 64) {
                if (t == JsonToken.FIELD_NAME) {
                    keys.add(p.currentName());
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
            return "keys:" + String.join(",", keys);
        } catch (IOException | RuntimeException ex) {
            return "invalid";
        }
    }

    /** The text of the first {@code <title>}, lower case and trimmed, at most 100 characters. */
    static String title(String html) {
        String head = html.length() > 16_384 ? html.substring(0, 16_384) : html;
        String lower = head.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<title");
        int start = open < 0 ? -1 : lower.indexOf('>', open);
        int end = start < 0 ? -1 : lower.indexOf("</title", start);
        if (end < 0) {
            return "";
        }
        String t = head.substring(start + 1, end).strip().toLowerCase(Locale.ROOT);
        return t.length() > 100 ? t.substring(0, 100) : t;
    }

    /** Whether the two lengths are near enough to be the same page: within 10 % (or 32 characters). */
    static boolean similarLength(int a, int b) {
        int tolerance = Math.max(32, Math.max(a, b) / 10);
        return Math.abs(a - b) <= tolerance;
    }
}
