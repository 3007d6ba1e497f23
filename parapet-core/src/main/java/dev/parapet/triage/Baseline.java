package dev.parapet.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.config.ConfigException;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The findings a project already knows about, by fingerprint: what {@code --baseline FILE} keeps out of the gate.
 * Written as {@code {"parapetBaseline": 1, "createdFrom": {...}, "fingerprints": [...]}}; the format number rises
 * only when an older Parapet could not read the file correctly. Immutable.
 */
public record Baseline(int format, Origin createdFrom, SortedSet<String> fingerprints) {

    /** The file format this version writes and the newest it reads. */
    public static final int FORMAT = 1;

    /** The scan a baseline was made from: its id, target and start time. */
    public record Origin(String scanId, String target, Instant startedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Baseline {
        fingerprints = Collections.unmodifiableSortedSet(new TreeSet<>(fingerprints));
    }

    /** A baseline of every finding in {@code report}. */
    public static Baseline of(ScanReport report) {
        SortedSet<String> fps = new TreeSet<>();
        report.findings().forEach(f -> fps.add(f.fingerprint()));
        return new Baseline(FORMAT, new Origin(report.scanId(), report.target(), report.startedAt()), fps);
    }

    public boolean contains(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /** The file's text: pretty-printed JSON ending in a newline, fingerprints sorted so diffs stay small. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("parapetBaseline", format);
        ObjectNode origin = root.putObject("createdFrom");
        origin.put("scanId", createdFrom.scanId());
        origin.put("target", createdFrom.target());
        origin.put("startedAt", createdFrom.startedAt().toString());
        ArrayNode fps = root.putArray("fingerprints");
        fingerprints.forEach(fps::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /**
     * Reads a baseline file.
     *
     * @throws ConfigException naming the file and what is wrong with it (missing, not a baseline, newer format)
     */
    public static Baseline read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--baseline " + file + ": no such file (create one with 'parapet baseline "
                    + "create --from <scan-id|report.json> -o " + file + "')");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("--baseline " + file + ": cannot read it: " + e.getMessage());
        }
    }

    /** Parses a baseline's text; {@code source} names it in error messages. */
    public static Baseline parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("--baseline " + source + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("parapetBaseline").canConvertToInt()) {
            throw new ConfigException("--baseline " + source + ": not a Parapet baseline (it has no "
                    + "\"parapetBaseline\" format number; create one with 'parapet baseline create')");
        }
        int format = root.path("parapetBaseline").asInt();
        if (format > FORMAT || format < 1) {
            throw new ConfigException("--baseline " + source + ": format " + format + " was written by a newer "
                    + "Parapet; upgrade Parapet or create the baseline again with this version");
        }
        JsonNode fps = root.path("fingerprints");
        if (!fps.isArray()) {
            throw new ConfigException("--baseline " + source + ": \"fingerprints\" must be a list of strings");
        }
        SortedSet<String> set = new TreeSet<>();
        for (JsonNode fp : fps) {
            if (!fp.isTextual() || fp.asText().isBlank()) {
                throw new ConfigException("--baseline " + source + ": every fingerprint must be a non-empty string");
            }
            set.add(fp.asText());
        }
        JsonNode origin = root.path("createdFrom");
        Instant started = Instant.EPOCH;
        try {
            if (origin.hasNonNull("startedAt")) {
                started = Instant.parse(origin.path("startedAt").asText());
            }
        } catch (DateTimeParseException e) {
            throw new ConfigException("--baseline " + source + ": createdFrom.startedAt is not an ISO-8601 instant");
        }
        return new Baseline(format, new Origin(origin.path("scanId").asText(""), origin.path("target").asText(""),
                started), set);
    }
}
