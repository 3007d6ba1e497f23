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
     * absent for the default safe scan.
     */
    record Weakness(String id, Route route, List<String> also, String check, String minSeverity,
                    boolean containerEscape, String description, String signature, String remediated, String mode) {

        Weakness {
            also = also == null ? List.of() : List.copyOf(also);
            mode = mode == null ? "safe" : mode;
        }

        boolean active() {
            return mode.equals("active");
        }

        Severity least() {
            return Severity.parse(minSeverity);
        }

        /** Found by {@code f}: the expected check, on the route's path (or one of {@code also}), at or above the least severity (and tagged). */
        boolean foundBy(Finding f) {
            String path = f.endpoint().uri().getPath();
            return f.checkId().equals(check) && (route.matches(path) || also.contains(path))
                    && f.severity().atLeast(least())
                    && (!containerEscape || f.tags().contains(Finding.TAG_CONTAINER_ESCAPE));
        }
    }

    static GroundTruth read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return yaml.readValue(file.toFile(), GroundTruth.class);
    }
}
