package dev.parapet.engine;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Curl;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.Severity;

import java.util.List;
import java.util.Set;

/**
 * The target's death as a finding: a target that answered, then stopped answering for good, went down right after
 * the last request it answered, so that request is a likely denial of service (OWASP API4:2023, unrestricted
 * resource consumption). Raised by the engine, not a check: no check can see the target die, since every check
 * stops with it. Firm, not confirmed: another cause (a restart, a crash elsewhere) may coincide.
 */
final class TargetOutageFinding {

    /** The id every output shows for it; not a registered check, so {@code parapet checks} does not list it. */
    static final String ID = "target-stopped-answering";

    private TargetOutageFinding() {
    }

    static Finding of(HostHealth.Outage outage) {
        var answered = outage.lastAnswered();
        Endpoint endpoint = new Endpoint(answered.request().method(), answered.request().uri(),
                Endpoint.Source.DISCOVERED);
        String evidence = "The target answered " + endpoint.display() + " with " + answered.status()
                + ", then stopped answering: the next " + outage.failures() + " requests in a row failed (first: "
                + outage.firstFailed().error() + "), and the scan was stopped.";
        return new Finding(ID, Category.RATE_LIMITING, Severity.HIGH, Confidence.FIRM,
                "Target stopped answering after " + endpoint.display(), endpoint, "", evidence,
                List.of(answered, outage.firstFailed()), Curl.of(answered.request()),
                "Find why this request brings the service down (the service's log at that time shows it): bound the "
                        + "work, memory and time one request may take, validate its input before acting on it, and "
                        + "run the service under a supervisor that restarts it.",
                List.of(Reference.owaspApi("API4:2023"), Reference.cwe(400)),
                Set.of("denial-of-service", "availability"), Finding.fingerprintOf(ID, endpoint, "", ""));
    }
}
