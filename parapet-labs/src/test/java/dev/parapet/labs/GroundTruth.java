package dev.parapet.labs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lab's {@code ground-truth.yaml}: every weakness planted in its vulnerable mode, the check that must find it, on
 * which route and at what least severity. Unknown fields fail the parse, so the file and this record move together.
 */
record GroundTruth(String lab, int schemaVersion, String database, List<Weakness> weaknesses) {

    /** {@code pathPrefix}, when set, matches findings on any path under it (the trigger varies: /products/abc, /products/%ff). */
    record Route(String method, String path, String pathPrefix, String example, Map<String, String> headers) {
        boolean matches(String findingPath) {
            return path.equals(findingPath) || pathPrefix != null && findingPath.startsWith(pathPrefix);
        }
    }

    /**
     * {@code mode}: {@code active} when only a scan in active mode (which writes to the lab) can show the weakness;
     * absent for the default safe scan. {@code evidence}: a regex that the finding's title or evidence must match
     * too, when the route and check alone cannot tell this weakness from another on the same route (the
     * application's own files versus the operating system's); absent otherwise. {@code waitsFor}: why the installed
     * check cannot find it yet (a capability it lacks), so the harness reports it as waiting instead of missed and
     * fails once it is found, until the field is removed; absent for weaknesses the scanner must find today.
     */
    record Weakness(String id, Route route, List<String> also, String check, String minSeverity,
                    boolean containerEscape, String description, String signature, String remediated, String mode,
                    String evidence, String waitsFor) {

        Weakness {
            also = also == null ? List.of() : List.copyOf(also);
            mode = mode == null ? "safe" : mode;
        }

        boolean active() {
            return mode.equals("active");
        }

        /** Why this weakness is not held against the scan yet, or null when it is. */
        String waiting(Set<String> installedChecks) {
            if (!installedChecks.contains(check)) {
                return "check " + check + " is not installed yet";
            }
            return waitsFor;
        }

        Severity least() {
            return Severity.parse(minSeverity);
        }

        /**
         * Found by {@code f}: the expected check, on the route's path (or one of {@code also}), at or above the least
         * severity (and tagged, and matching {@code evidence}, when the entry says so).
         */
        boolean foundBy(Finding f) {
            String path = f.endpoint().uri().getPath();
            return f.checkId().equals(check) && (route.matches(path) || also.contains(path))
                    && f.severity().atLeast(least())
                    && (!containerEscape || f.tags().contains(Finding.TAG_CONTAINER_ESCAPE))
                    && (evidence == null || Pattern.compile(evidence).matcher(f.title() + "\n" + f.evidence()).find());
        }
    }

    static GroundTruth read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return yaml.readValue(file.toFile(), GroundTruth.class);
    }
}
