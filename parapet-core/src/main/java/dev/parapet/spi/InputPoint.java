package dev.parapet.spi;

import dev.parapet.model.Endpoint;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One input of one operation: the unit input-testing checks work on. The engine builds every input point of the
 * scan (see {@link Surface}) and hands each {@link InputCheck} those it applies to; the check varies the input with
 * {@link #withValue} and friends, which return the operation's example request with only this input changed.
 * Immutable and thread-safe.
 *
 * @param operation        the operation it belongs to
 * @param location         where it travels
 * @param name             its name as documented or seen: the parameter, header, cookie or form field name, the
 *                         dotted path of a JSON field ({@code address.city}), the placeholder of a path segment
 *                         ({@code id}); for an XML body, {@code body}
 * @param locator          where exactly it sits: for {@link InputLocation#PATH} the index of its segment in the
 *                         example URL's path (0 is the first after the leading slash), for {@link InputLocation#JSON}
 *                         its RFC 6901 pointer ({@code /address/city}), otherwise its name
 * @param value            the value the example request carries (the baseline value)
 * @param documentedValues values the API document gives for it: default, examples, enum members (may be empty)
 * @param type             the documented JSON-schema type ({@code string}, {@code integer}…), or the type its
 *                         value shows when undocumented; empty when unknown
 * @param format           the documented schema format ({@code uri}, {@code uuid}…), empty when none
 * @param description      the documented description, empty when none
 * @param required         whether the operation requires it
 * @param shapes           what its value is for, as the engine judged it
 * @param source           where the scan learnt of this input
 */
public record InputPoint(Operation operation, InputLocation location, String name, String locator, String value,
                         List<String> documentedValues, String type, String format, String description,
                         boolean required, Set<ValueShape> shapes, Endpoint.Source source) {

    public InputPoint {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
        locator = locator == null || locator.isEmpty() ? name : locator;
        value = value == null ? "" : value;
        documentedValues = documentedValues == null ? List.of() : List.copyOf(documentedValues);
        type = type == null ? "" : type;
        format = format == null ? "" : format;
        description = description == null ? "" : description;
        shapes = shapes == null ? Set.of() : Set.copyOf(shapes);
        Objects.requireNonNull(source, "source");
    }

    /** Whether the engine judged its value to be of {@code shape}. */
    public boolean is(ValueShape shape) {
        return shapes.contains(shape);
    }

    /** Whether it is of any of {@code wanted}. */
    public boolean isAny(Set<ValueShape> wanted) {
        for (ValueShape s : wanted) {
            if (shapes.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** The operation's example request, unchanged: the control every variation is compared with. */
    public ProbeRequest baseline() {
        return operation.example();
    }

    /**
     * The example request with this input set to {@code newValue}, encoded as its location needs (percent-encoding
     * in the URL, form encoding in a form body, a JSON string in a JSON body; CR and LF become spaces in headers
     * and cookies, which cannot carry them).
     */
    public ProbeRequest withValue(String newValue) {
        return RequestSlots.set(this, newValue, RequestSlots.Mode.ENCODE);
    }

    /**
     * The example request with this input set to {@code rawValue} exactly as given, for spellings that must reach
     * the server byte for byte ({@code %2e%2e%2f}, {@code ..;/}): in the query and the path the caller encodes;
     * elsewhere this is {@link #withValue}. Characters a URL cannot hold at all are still percent-encoded.
     */
    public ProbeRequest withRawValue(String rawValue) {
        return RequestSlots.set(this, rawValue, RequestSlots.Mode.RAW);
    }

    /**
     * For a JSON field: the example body with the field replaced by the JSON value {@code jsonLiteral}
     * ({@code {"$ne": null}}, {@code true}, {@code 42}); for other locations the literal's text as a plain value.
     *
     * @throws IllegalArgumentException when {@code jsonLiteral} is not JSON
     */
    public ProbeRequest withJsonValue(String jsonLiteral) {
        return RequestSlots.set(this, jsonLiteral, RequestSlots.Mode.JSON_LITERAL);
    }

    /**
     * For a query parameter or form field: the example request with this input's name and value replaced by
     * {@code rawName=rawValue} (both inserted as given), as operator-injection spellings need
     * ({@code user[$ne]=}); for other locations the same as {@link #withRawValue}.
     */
    public ProbeRequest withRenamed(String rawName, String rawValue) {
        return RequestSlots.rename(this, rawName, rawValue);
    }

    /** Stable identity within a scan and across scans: {@code GET /files query name}. */
    public String key() {
        return operation.display() + " " + location.id() + " " + name;
    }

    /** {@code query parameter 'name'}, {@code JSON field 'user.role'}: how findings and reports name it. */
    public String describe() {
        String what = switch (location) {
            case QUERY -> "query parameter";
            case PATH -> "path segment";
            case HEADER -> "header";
            case COOKIE -> "cookie";
            case FORM -> "form field";
            case JSON -> "JSON field";
            case XML -> "XML body";
        };
        return location == InputLocation.XML ? what : what + " '" + name + "'";
    }
}
