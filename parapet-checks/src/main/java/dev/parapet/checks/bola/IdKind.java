package dev.parapet.checks.bola;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How guessable an object id is. Stateless. */
enum IdKind {
    /** A small decimal number: its neighbours are the ids of other objects. */
    SEQUENTIAL,
    /** A time-based UUID (version 1): creation time and node are readable, neighbours guessable. */
    TIME_UUID;

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,12}");
    private static final Pattern UUID_V1 = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    /** The kind of a predictable id; empty for opaque ones (random UUIDs, long random strings, slugs). */
    static Optional<IdKind> of(String id) {
        if (NUMBER.matcher(id).matches()) {
            return Optional.of(SEQUENTIAL);
        }
        return UUID_V1.matcher(id.toLowerCase(Locale.ROOT)).matches() ? Optional.of(TIME_UUID) : Optional.empty();
    }
}
