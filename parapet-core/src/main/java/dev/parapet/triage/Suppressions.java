package dev.parapet.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entries of a suppressions file ({@code .parapet-suppressions.yaml} by default):
 * <pre>
 * suppressions:
 *   - fingerprint: 3f9a0c2b7d1e8a4b5c6d
 *     reason: the staging host is not reachable from outside
 *     expires: 2027-03-31
 *   - check: server-fingerprint
 *     path: /api/**
 *     reason: the server banner is public anyway
 *     expires: 2027-01-15
 * </pre>
 * Every entry needs a {@code reason} and an {@code expires} date (YYYY-MM-DD). Immutable.
 */
public record Suppressions(List<Suppression> entries) {

    /** The file read by default when it exists in the working directory. */
    public static final String DEFAULT_FILE = ".parapet-suppressions.yaml";

    public static final Suppressions NONE = new Suppressions(List.of());

    private static final Set<String> KEYS = Set.of("fingerprint", "check", "path", "reason", "expires");

    public Suppressions {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a suppressions file.
     *
     * @throws ConfigException naming the file, the entry and what to write instead
     */
    public static Suppressions read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--suppressions " + file + ": no such file");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("--suppressions " + file + ": cannot read it: " + e.getMessage());
        }
    }

    /** Parses a suppressions file's text; {@code source} names it in error messages. */
    public static Suppressions parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(source + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return NONE;
        }
        JsonNode list = root.path("suppressions");
        if (!root.isObject() || !list.isArray()) {
            throw new ConfigException(source + ": expected a list under 'suppressions:' (see README, Suppressions)");
        }
        List<Suppression> out = new ArrayList<>();
        int n = 0;
        for (JsonNode e : list) {
            n++;
            out.add(entry(e, source + ": suppression " + n));
        }
        return new Suppressions(out);
    }

    private static Suppression entry(JsonNode e, String where) {
        if (!e.isObject()) {
            throw new ConfigException(where + " must be a map with fingerprint or check, reason and expires");
        }
        e.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new ConfigException(where + ": unknown key '" + k + "' (valid: fingerprint, check, path, "
                        + "reason, expires)");
            }
        });
        String reason = e.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            throw new ConfigException(where + " needs a reason: say why the finding is accepted");
        }
        String expiresText = e.path("expires").asText("").strip();
        if (expiresText.isEmpty()) {
            throw new ConfigException(where + " needs an expires date, e.g. expires: "
                    + LocalDate.now().plusMonths(3));
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(expiresText);
        } catch (DateTimeParseException ex) {
            throw new ConfigException(where + ": expires '" + expiresText + "' is not a date like 2027-03-31");
        }
        try {
            return new Suppression(e.path("fingerprint").asText(""), e.path("check").asText(""),
                    e.path("path").asText(""), reason, expires);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(where + ": " + ex.getMessage());
        }
    }
}
