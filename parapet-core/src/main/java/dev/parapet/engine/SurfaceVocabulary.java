package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.spi.ValueShape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that assign value shapes to inputs and mark operations as state-changing, read once from
 * {@code surface/shapes.json}. Immutable and thread-safe; loaded on first use.
 */
record SurfaceVocabulary(Map<ValueShape, Rules> shapes, Set<String> verbs, Set<String> objects,
                         List<String> summaryVerbs) {

    /** One shape's words; see the data file for what each list matches. */
    record Rules(Set<String> names, Set<String> words, List<String> description, Set<String> formats) {
    }

    private static final class Holder {
        static final SurfaceVocabulary INSTANCE = load();
    }

    static SurfaceVocabulary get() {
        return Holder.INSTANCE;
    }

    private static SurfaceVocabulary load() {
        try (InputStream in = SurfaceVocabulary.class.getResourceAsStream("/surface/shapes.json")) {
            if (in == null) {
                throw new IllegalStateException("surface/shapes.json is missing from parapet-core");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<ValueShape, Rules> shapes = new EnumMap<>(ValueShape.class);
            for (ValueShape s : ValueShape.values()) {
                JsonNode n = root.path("shapes").path(s.id());
                if (n.isMissingNode()) {
                    throw new IllegalStateException("surface/shapes.json has no entry for shape " + s.id());
                }
                shapes.put(s, new Rules(set(n.path("names")), set(n.path("words")), list(n.path("description")),
                        set(n.path("formats"))));
            }
            JsonNode st = root.path("stateChanging");
            return new SurfaceVocabulary(Map.copyOf(shapes), set(st.path("verbs")), set(st.path("objects")),
                    list(st.path("summaryVerbs")));
        } catch (IOException e) {
            throw new UncheckedIOException("surface/shapes.json cannot be read", e);
        }
    }

    private static Set<String> set(JsonNode array) {
        return Set.copyOf(new HashSet<>(list(array)));
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    /**
     * The words of a name: split at separators, digits-to-letters and lower-to-upper case changes, lower-cased.
     * {@code imageUrl} → image, url; {@code redirect_uri} → redirect, uri; {@code createDB} → create, db.
     * Linear in the name's length; names are capped at 200 characters.
     */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        String s = name.length() > 200 ? name.substring(0, 200) : name;
        StringBuilder w = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = Character.isLetterOrDigit(c);
            boolean boundary = !alnum || Character.isUpperCase(c) && Character.isLowerCase(prev)
                    || Character.isLetter(c) && Character.isDigit(prev) || Character.isDigit(c) && Character.isLetter(prev);
            if (boundary && !w.isEmpty()) {
                out.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
            if (alnum) {
                w.append(c);
            }
            prev = c;
        }
        if (!w.isEmpty()) {
            out.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The name lower-cased with everything but letters and digits removed: {@code return_To} → returnto. */
    static String squashed(String name) {
        StringBuilder sb = new StringBuilder();
        String s = name.length() > 200 ? name.substring(0, 200) : name;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
