package dev.parapet.spi;

import java.util.Locale;

/** Where an input travels in a request. */
public enum InputLocation {
    /** A query-string parameter: {@code ?name=value}. */
    QUERY,
    /** One segment of the path: the {@code 42} of {@code /users/42}. */
    PATH,
    /** A request header field. */
    HEADER,
    /** One cookie of the {@code Cookie} header. */
    COOKIE,
    /** A field of an {@code application/x-www-form-urlencoded} body. */
    FORM,
    /** A field of a JSON body, at any depth. */
    JSON,
    /** The text of an XML body. */
    XML;

    /** Whether the input travels in a request body, which only {@code --mode active} sends. */
    public boolean inBody() {
        return this == FORM || this == JSON || this == XML;
    }

    /** {@code query}, {@code path}, …: how reports name it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The location a spec's {@code in} names ({@code query}, {@code path}, {@code header}, {@code cookie}). */
    public static java.util.Optional<InputLocation> ofSpec(String in) {
        return switch (in == null ? "" : in.toLowerCase(Locale.ROOT)) {
            case "query" -> java.util.Optional.of(QUERY);
            case "path" -> java.util.Optional.of(PATH);
            case "header" -> java.util.Optional.of(HEADER);
            case "cookie" -> java.util.Optional.of(COOKIE);
            case "formdata", "form" -> java.util.Optional.of(FORM);
            default -> java.util.Optional.empty();
        };
    }
}
