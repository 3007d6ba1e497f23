package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads a check's data file from {@code /checks/<check-id>/<file>} into a typed record; unknown keys are errors. */
final class CheckData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckData() {
    }

    static <T> T load(String checkId, String file, Class<T> type) {
        String path = "/checks/" + checkId + "/" + file;
        try (InputStream in = CheckData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + path);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable data file " + path, e);
        }
    }
}
