package dev.parapet.checks.inputvalidation;

import dev.parapet.model.Confidence;
import dev.parapet.model.Severity;

/** What a response's CORS headers grant to a foreign origin, worst first, with how to report each. */
enum CorsGrant {
    REFLECTED_WITH_CREDENTIALS(Severity.HIGH, Confidence.CONFIRMED,
            "CORS reflects any origin and allows credentials",
            "Any web site can read authenticated responses with the visitor's cookies. Allow-list origins, e.g. "
                    + "`if (ALLOWED.contains(origin)) res.set(\"Access-Control-Allow-Origin\", origin)`."),
    NULL_WITH_CREDENTIALS(Severity.HIGH, Confidence.CONFIRMED,
            "CORS accepts the 'null' origin and allows credentials",
            "Sandboxed iframes and local files send Origin: null, so any attacker page can read authenticated "
                    + "responses. Remove 'null' from the allowed origins."),
    WILDCARD_WITH_CREDENTIALS(Severity.MEDIUM, Confidence.FIRM,
            "CORS combines a wildcard origin with credentials",
            "Browsers refuse this combination, but it shows the intent to share credentialed responses with every "
                    + "site; a later change to reflection would expose them. Name the allowed origins instead."),
    REFLECTED(Severity.LOW, Confidence.CONFIRMED, "CORS reflects any origin",
            "Any web site can read these responses through a visitor's browser (without cookies). Echo only "
                    + "allow-listed origins, or use '*' deliberately for a public API."),
    NULL_ORIGIN(Severity.LOW, Confidence.CONFIRMED, "CORS accepts the 'null' origin",
            "Sandboxed documents from anywhere send Origin: null. Remove 'null' from the allowed origins.");

    final Severity severity;
    final Confidence confidence;
    final String title;
    final String remediation;

CorsGrant(Severity severity, Confidence confidence, String title, String remediation) {
        this.severity = severity;
        this.confidence = confidence;
        this.title = title;
        this.remediation = remediation;
    }
}
