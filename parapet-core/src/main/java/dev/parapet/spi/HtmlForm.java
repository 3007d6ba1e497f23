package dev.parapet.spi;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTML form discovery found on an in-scope page: where it submits, how, and its fields with the values the
 * page fills in. Immutable.
 *
 * @param page    the page it was found on
 * @param method  {@code GET} or {@code POST}
 * @param action  the resolved URL it submits to
 * @param enctype {@code application/x-www-form-urlencoded} unless the form says otherwise
 * @param fields  its named fields in page order
 */
public record HtmlForm(URI page, String method, URI action, String enctype, List<Field> fields) {

    /** One named input, select or textarea; {@code type} is the input's type attribute ({@code text}…). */
    public record Field(String name, String type, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            type = type == null || type.isBlank() ? "text" : type.toLowerCase(Locale.ROOT);
            value = value == null ? "" : value;
        }
    }

    public HtmlForm {
        method = method == null || method.isBlank() ? "GET" : method.toUpperCase(Locale.ROOT);
        enctype = enctype == null || enctype.isBlank() ? "application/x-www-form-urlencoded" : enctype;
        fields = List.copyOf(fields);
    }
}
