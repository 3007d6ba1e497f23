package dev.parapet.checks;

import dev.parapet.config.Identities;
import dev.parapet.config.ScanConfig;
import dev.parapet.model.ScanMode;
import dev.parapet.testkit.CheckHarness;

import java.net.URI;

/** {@code --mode active} configurations for the checks that write, against a loopback host the test owns. */
public final class ActiveScans {

    private ActiveScans() {
    }

    /** Active mode with {@code --i-own} the target's host, the given identities and, when asked, {@code --allow-delete}. */
    public static ScanConfig config(URI target, Identities identities, boolean allowDelete) {
        return CheckHarness.config(target).withIdentities(identities).withMode(ScanMode.ACTIVE, target.getHost())
                .withAllowDelete(allowDelete);
    }
}
