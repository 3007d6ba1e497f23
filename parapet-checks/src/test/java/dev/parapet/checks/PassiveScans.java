package dev.parapet.checks;

import dev.parapet.config.ScanConfig;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.testkit.CheckHarness;

import java.net.URI;
import java.util.List;

/** Runs one check through the real engine in {@code passive} mode, with the harness's fixture-friendly limits. */
public final class PassiveScans {

    private PassiveScans() {
    }

    public static ScanReport scan(URI target, Check check) {
        ScanConfig c = CheckHarness.config(target);
        ScanConfig passive = new ScanConfig(c.target(), c.scope(), ScanMode.PASSIVE, c.context(), c.rate(),
                c.concurrency(), c.maxTime(), c.connectTimeout(), c.readTimeout(), c.maxBodyBytes(), c.maxRedirects(),
                c.hostErrorBudget(), c.maxDiscoveredEndpoints(), c.checks(), c.insecure());
        return CheckHarness.scan(passive, List.of(check));
    }
}
