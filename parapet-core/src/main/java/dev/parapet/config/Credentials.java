package dev.parapet.config;

import dev.parapet.model.Headers;

import java.util.List;

/**
 * The header fields that authenticate one identity (for example {@code Authorization: Bearer …} or
 * {@code Cookie: sid=…}). Values are secrets: {@link #toString()} never shows them, and the engine sends them only
 * to the target's origin. {@code NONE} authenticates nothing.
 */
public record Credentials(List<Headers.Field> headers) {

    public static final Credentials NONE = new Credentials(List.of());

    public Credentials {
        headers = List.copyOf(headers);
    }

    public boolean isPresent() {
        return !headers.isEmpty();
    }

    /** The names of the fields, for logs and reports; never their values. */
    public List<String> names() {
        return headers.stream().map(Headers.Field::name).toList();
    }

    @Override
    public String toString() {
        return "Credentials" + names();
    }
}
