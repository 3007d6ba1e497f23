package dev.parapet.cli;

import picocli.CommandLine.Option;

import java.util.Map;

/** {@code --threshold} and {@code --fail-on}: when a scan fails the build. Shared by scan and demo. */
final class GateOptions {

    @Option(names = "--threshold", paramLabel = "N",
            description = "Fail (exit 1) when the overall score is below N (0-101; 101 always fails).")
    String threshold;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail (exit 1) on any finding at or above SEVERITY: critical, high (default), medium, low, info, or none.")
    String failOn;

    void into(Map<String, String> flags) {
        if (threshold != null) {
            flags.put("threshold", threshold);
        }
        if (failOn != null) {
            flags.put("fail-on", failOn);
        }
    }
}
