package dev.parapet.checks.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads a check's data file ({@code resources/checks/<check-id>/<file>.json}) into a typed record. Unknown
 * properties are errors, so a typo in a data file fails its validation test instead of being ignored;
 * {@link java.util.regex.Pattern} components are compiled while loading. Comments ({@code //}) are allowed so a data
 * file can say why an entry exists. Stateless and thread-safe.
 */
public final class CheckData {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private CheckData() {
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
