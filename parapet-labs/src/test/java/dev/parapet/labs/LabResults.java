package dev.parapet.labs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the lab tests share once a lab's two runs are judged: the results file and the verdicts on recall.
 * {@code target/lab-results.json} holds one entry per lab under {@code labs}; each lab test replaces only its own.
 * Lab test classes run one after another in one JVM, so the read-modify-write needs no lock.
 */
final class LabResults {

    private LabResults() {
    }

    /** Prints this lab's summary and writes it into {@code target/lab-results.json} beside the other labs'. */
    static void write(GroundTruth truth, LabRun vulnerable, LabRun remediated, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("lab", truth.lab());
        results.put("planted", truth.weaknesses().size());
        results.put("vulnerable", vulnerable.summary(truth.weaknesses().size()));
        results.put("remediated", remediated.summary(0));
        results.putAll(extra);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = targetDir().resolve("lab-results.json");
        ObjectNode all = Files.isRegularFile(file) && json.readTree(file.toFile()) instanceof ObjectNode o
                && o.has("labs") ? o : json.createObjectNode();
        all.withObject("labs").set(truth.lab(), json.valueToTree(results));
        Files.writeString(file, json.writeValueAsString(all));
        System.out.println(truth.lab() + " lab results (target/lab-results.json):\n"
                + json.writeValueAsString(results));
    }

    /** Every weakness the scanner is held to today was found. */
    static void assertNothingMissed(LabRun run) {
        assertThat(run.missed())
                .as("missed weaknesses (found %s, waiting %s); findings were:%n%s", run.found(), run.waiting().keySet(),
                        listing(run))
                .isEmpty();
    }

    /** A waiting weakness the scan found all the same: its {@code waits_for} is out of date. */
    static void assertNoStaleWaitsFor(LabRun run, Path groundTruth) {
        assertThat(run.foundWhileWaiting())
                .as("found although ground-truth.yaml says they wait: remove waits_for from these entries of %s",
                        groundTruth)
                .isEmpty();
    }

    /** Skipped, with the reasons, while some weaknesses wait for checks or capabilities not there yet. */
    static void assumeNothingWaiting(LabRun run) {
        assumeTrue(run.waiting().isEmpty(), () -> "waiting for the scanner: " + run.waiting().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; ")));
    }

    /** The checks a ground truth's active-mode entries name that are installed. */
    static Set<String> installedActiveChecks(GroundTruth truth) {
        Set<String> installed = dev.parapet.service.ScanService.withInstalledChecks().descriptors().stream()
                .map(d -> d.id()).collect(Collectors.toSet());
        return truth.weaknesses().stream().filter(GroundTruth.Weakness::active).map(GroundTruth.Weakness::check)
                .filter(installed::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static String listing(LabRun run) {
        return String.join("\n", java.util.stream.Stream.concat(run.report().findings().stream(),
                run.activeReport().findings().stream()).map(LabRun::describe).distinct().toList());
    }

    static Path targetDir() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.createDirectories(module.resolve("target"));
    }
}
