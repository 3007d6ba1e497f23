package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.checks.support.CheckData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sensitive properties {@link SensitivePropertyExposureCheck} looks for, and the secret formats it leaves to
 * {@code secret-exposure} (read from that check's own data file, so the two never report one value twice). Data:
 * {@code properties.json}. Immutable once loaded.
 *
 * @param credentials        normalised names of credential-like properties
 * @param passwordProperties those of them that hold a password, in clear or hashed
 * @param accountProperties  names that identify an account (a user name, an email)
 * @param internal           normalised names of internal properties
 * @param notAValue          values that disclose nothing (masks, placeholders, empty)
 * @param hashedValue        password values that are digests or crypt-format hashes, not the password
 */
record SensitiveProperties(List<String> credentials, List<String> passwordProperties,
                           List<String> accountProperties, List<String> internal, Pattern notAValue,
                           Pattern hashedValue) {

    /** A US SSN: pii-exposure reports those by their value. */
    private static final Pattern SSN = Pattern.compile("\\d{3}-?\\d{2}-?\\d{4}");
    private static final List<Pattern> SECRET_FORMATS = secretFormats();

    static SensitiveProperties load() {
        return CheckData.load("sensitive-property-exposure", "properties.json", SensitiveProperties.class);
    }

    /** Whether another data-exposure check already reports {@code "name":"value"}. */
    static boolean reportedElsewhere(String name, String value) {
        String pair = "\"" + name + "\":\"" + value + "\"";
        return SSN.matcher(value).matches() || SECRET_FORMATS.stream().anyMatch(p -> p.matcher(pair).find());
    }

    private static List<Pattern> secretFormats() {
        try (InputStream in = SensitiveProperties.class.getResourceAsStream("/checks/secret-exposure/signatures.json")) {
            if (in == null) {
                return List.of();
            }
            JsonNode root = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS)
                    .readTree(in);
            List<Pattern> out = new ArrayList<>();
            root.path("signatures").forEach(s -> out.add(Pattern.compile(s.path("pattern").asText())));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("secret-exposure signatures are unreadable", e);
        }
    }
}
