package dev.parapet.checks.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Loads a check's data file ({@code resources/checks/<check-id>/<file>.json}) into a typed record. Unknown
 * properties are errors, so a typo in a data file fails its validation test instead of being ignored;
 * {@link java.util.regex.Pattern} components are compiled while loading. Comments ({@code //}) are allowed so a data
 * file can say why an entry exists. Checks hold their data through {@link #once}, so a file is parsed when its
 * check first needs it, not when the checks are loaded, and only once. Stateless and thread-safe.
 */
public final class CheckData {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private CheckData() {
    }

    /**
     * A supplier that calls {@code loader} the first time it is asked and then always returns that value: how
     * checks hold their data files, so that listing or loading the checks parses none, and a scan parses each
     * file it uses once. Thread-safe: concurrent first callers wait for one load; a load that throws is tried
     * again by the next caller.
     */
    public static <T> Supplier<T> once(Supplier<T> loader) {
        return new Once<>(loader);
    }

    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> loader;
        private volatile T value;

        Once(Supplier<T> loader) {
            this.loader = loader;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = java.util.Objects.requireNonNull(loader.get(), "a data file loads to a value");
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    /**
     * Reads {@code /checks/<checkId>/<file>} from the class path into {@code type}.
     *
     * @throws IllegalStateException when the file is missing
     * @throws UncheckedIOException  when it is not valid for {@code type} (including a regex that does not compile)
     */
    public static <T> T load(String checkId, String file, Class<T> type) {
        String path = "/checks/" + checkId + "/" + file;
        try (InputStream in = CheckData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("data file " + path + " is missing from the class path");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("data file " + path + " is invalid: " + e.getMessage(), e);
        }
    }
}
