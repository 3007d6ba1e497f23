package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The write methods one OPTIONS answer advertises, split by the header that advertises them: {@code Allow} speaks
 * for the resource, {@code Access-Control-Allow-Methods} often comes from a blanket CORS middleware default.
 */
record AdvertisedMethods(Set<String> allowWrites, Set<String> corsWrites) {

    /** Methods that change state; advertising them on a read-only resource is the defect. */
    static final Set<String> WRITE_METHODS = Set.of("PUT", "DELETE", "PATCH");

    static AdvertisedMethods of(Exchange options) {
        if (!options.answered() || options.status() >= 400) {
            return new AdvertisedMethods(Set.of(), Set.of());
        }
        return new AdvertisedMethods(writes(options.responseHeaders().all("Allow").toArray(String[]::new)),
                writes(options.responseHeaders().all("Access-Control-Allow-Methods").toArray(String[]::new)));
    }

    private static Set<String> writes(String... values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(",")))
                .map(m -> m.trim().toUpperCase(Locale.ROOT)).filter(WRITE_METHODS::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> writes() {
        Set<String> all = new TreeSet<>(allowWrites);
        all.addAll(corsWrites);
        return all;
    }

    String describe() {
        StringBuilder s = new StringBuilder();
        if (!allowWrites.isEmpty()) {
            s.append("Allow lists ").append(String.join(", ", allowWrites));
        }
        if (!corsWrites.isEmpty()) {
            s.append(s.isEmpty() ? "" : ", ").append("Access-Control-Allow-Methods lists ")
                    .append(String.join(", ", corsWrites));
        }
        return s.toString();
    }
}
