package dev.parapet.testkit;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.service.ScanFailedException;
import dev.parapet.service.ScanService;
import dev.parapet.spi.Check;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Runs checks through the real engine against a real server, the way {@code parapet scan} does, with limits
 * suited to loopback fixtures (fast rate, short timeouts). Use it in check tests instead of calling
 * {@link Check#run} directly, so scope, budgets and redaction are exercised too.
 */
public final class CheckHarness {

    private CheckHarness() {
    }

    /** The configuration tests use: defaults, but 500 requests/s and a 60 s budget so fixtures scan quickly. */
    public static ScanConfig config(URI target) {
        return ScanConfig.defaults(target).withRate(500, 8).withMaxTime(Duration.ofSeconds(60))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public static ScanReport scan(URI target, Check... checks) {
        return scan(config(target), List.of(checks));
    }

    public static ScanReport scan(ScanConfig config, List<Check> checks) {
        try {
            return new ScanService(checks).run(config, List.of());
        } catch (ScanFailedException e) {
            throw new AssertionError("scan failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static List<Finding> findings(URI target, Check check) {
        return scan(target, check).findings();
    }

    /** The run record of the only check in a report. */
    public static CheckRun onlyRun(ScanReport report) {
        if (report.checks().size() != 1) {
            throw new AssertionError("expected one check run, got " + report.checks());
        }
        return report.checks().getFirst();
    }
}
