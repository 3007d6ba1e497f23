package dev.parapet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered, immutable list of HTTP header fields. Look-ups ignore case, as HTTP does.
 */
public record Headers(List<Field> fields) {

    public record Field(String name, String value) {
    }

    public static final Headers EMPTY = new Headers(List.of());

    public Headers {
        fields = List.copyOf(fields);
    }

    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<Field> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Field(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(list);
    }

    public static Headers fromMap(Map<String, List<String>> map) {
        List<Field> list = new ArrayList<>();
        map.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                values.forEach(v -> list.add(new Field(name, v)));
            }
        });
        list.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return new Headers(list);
    }

    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return Collections.unmodifiableList(out);
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    public Headers with(String name, String value) {
        List<Field> list = new ArrayList<>(fields);
        list.removeIf(f -> f.name().equalsIgnoreCase(name));
        list.add(new Field(name, value));
        return new Headers(list);
    }

    /** Names lower-cased to their values, in order; for JSON output. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Field f : fields) {
            map.computeIfAbsent(f.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.value());
        }
        return map;
    }
}
