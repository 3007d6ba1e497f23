package dev.parapet.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Verdict;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * The {@code verdict} of a stored JSON report (schema 1.3), read by streaming from the start of the text: the
 * verdict comes before the findings, so listing scans reads a few hundred characters of each report, never the
 * whole of it. Empty for a report written before verdicts existed, or one whose verdict cannot be read.
 * Thread-safe.
 */
final class StoredVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredVerdict() {
    }

    static Optional<Verdict> read(Reader report) {
        if (report == null) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.getFactory().createParser(report)) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("verdict")) {
                    return Optional.of(verdict(p.readValueAsTree()));
                }
                if (name.equals("findings")) {
                    return Optional.empty(); // written before verdicts: the verdict would have come first
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static Verdict verdict(JsonNode v) {
        String state = v.path("state").asText();
        if (state.equals(Verdict.State.GRADED.id())) {
            return Verdict.GRADED;
        }
        if (!state.equals(Verdict.State.NOT_GRADED.id())) {
            throw new IllegalArgumentException("unknown verdict state '" + state + "'");
        }
        return Verdict.notGraded(Verdict.Reason.ofId(v.path("reason").asText()), v.path("detail").asText(),
                v.path("advice").asText());
    }
}
