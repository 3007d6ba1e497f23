package dev.parapet.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One defect Parapet found, with everything needed to believe it and fix it. Immutable.
 *
 * <p>{@code parameter} is empty when the finding is not about one parameter. {@code exchanges} are the proving
 * request/response pairs, first the one that shows the defect; they are redacted by the engine before the finding
 * leaves it. {@code curl} reproduces the first exchange. {@code fingerprint} is stable across scans of the same
 * target: it depends on the check, the method, the path (not the query values), the parameter and the
 * check-supplied {@code discriminator}, never on timing or response bodies.
 */
public record Finding(String checkId, Category category, Severity severity, Confidence confidence, String title,
                      Endpoint endpoint, String parameter, String evidence, List<Exchange> exchanges, String curl,
                      String remediation, List<Reference> references, Set<String> tags, String fingerprint) {

    /** Tag carried by findings that let an attacker step from the API towards the host. */
    public static final String TAG_CONTAINER_ESCAPE = "container-escape";

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(endpoint, "endpoint");
        parameter = parameter == null ? "" : parameter;
        evidence = evidence == null ? "" : evidence;
        exchanges = List.copyOf(exchanges);
        curl = curl == null ? "" : curl;
        remediation = remediation == null ? "" : remediation;
        references = List.copyOf(references);
        tags = Set.copyOf(new TreeSet<>(tags));
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Tags in sorted order (the record keeps an unordered copy). */
    public List<String> sortedTags() {
        return List.copyOf(new TreeSet<>(tags));
    }

    public Finding withExchanges(List<Exchange> newExchanges, String newCurl, String newEvidence) {
        return new Finding(checkId, category, severity, confidence, title, endpoint, parameter, newEvidence,
                newExchanges, newCurl, remediation, references, tags, fingerprint);
    }

    /**
     * This finding as a report keeps it: each exchange's bodies cut to {@code bodyChars} characters (the length
     * read stays in {@code bodyBytes}) and the evidence to {@code evidenceChars}, so what a scan holds and writes
     * per finding is bounded whatever the target answered. The same instance when everything fits.
     */
    public Finding withBoundedWindows(int bodyChars, int evidenceChars) {
        List<Exchange> bounded = exchanges.stream().map(e -> e.withBodyWindow(bodyChars)).toList();
        String boundedEvidence = BodyWindow.head(evidence, evidenceChars);
        boolean same = boundedEvidence == evidence;
        for (int i = 0; same && i < bounded.size(); i++) {
            same = bounded.get(i) == exchanges.get(i);
        }
        return same ? this : withExchanges(bounded, curl, boundedEvidence);
    }

    public static String fingerprintOf(String checkId, Endpoint endpoint, String parameter, String discriminator) {
        String path = endpoint.uri().getRawPath() == null ? "/" : endpoint.uri().getRawPath();
        String key = String.join("\u0000", checkId, endpoint.method(), path, parameter == null ? "" : parameter, discriminator == null ? "" : discriminator);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Builder used by checks; {@link #build()} fills the fingerprint and the curl command. */
    public static Builder builder(String checkId, Category category) {
        return new Builder(checkId, category);
    }

    public static final class Builder {
        private final String checkId;
        private final Category category;
        private Severity severity = Severity.MEDIUM;
        private Confidence confidence = Confidence.FIRM;
        private String title;
        private Endpoint endpoint;
        private String parameter = "";
        private String evidence = "";
        private final List<Exchange> exchanges = new ArrayList<>();
        private String remediation = "";
        private final List<Reference> references = new ArrayList<>();
        private final Set<String> tags = new TreeSet<>();
        private String discriminator = "";

        private Builder(String checkId, Category category) {
            this.checkId = checkId;
            this.category = category;
        }

        public Builder severity(Severity v) { this.severity = v; return this; }
        public Builder confidence(Confidence v) { this.confidence = v; return this; }
        public Builder title(String v) { this.title = v; return this; }
        public Builder endpoint(Endpoint v) { this.endpoint = v; return this; }
        public Builder parameter(String v) { this.parameter = v; return this; }
        public Builder evidence(String v) { this.evidence = v; return this; }
        public Builder exchange(Exchange v) { this.exchanges.add(v); return this; }
        public Builder exchanges(List<Exchange> v) { this.exchanges.addAll(v); return this; }
        public Builder remediation(String v) { this.remediation = v; return this; }
        public Builder references(List<Reference> v) { this.references.addAll(v); return this; }
        public Builder tag(String v) { this.tags.add(v); return this; }
        public Builder tags(Set<String> v) { this.tags.addAll(v); return this; }
        /** Distinguishes findings of one check on one endpoint and parameter (e.g. the kind of secret). */
        public Builder discriminator(String v) { this.discriminator = v; return this; }

        public Finding build() {
            if (endpoint == null && !exchanges.isEmpty()) {
                HttpRequestRecord r = exchanges.getFirst().request();
                endpoint = new Endpoint(r.method(), r.uri(), Endpoint.Source.DISCOVERED);
            }
            Objects.requireNonNull(endpoint, "a finding needs an endpoint or an exchange");
            String curl = exchanges.isEmpty() ? Curl.of(new HttpRequestRecord(endpoint.method(), endpoint.uri(),
                    Headers.EMPTY, "")) : Curl.of(exchanges.getFirst().request());
            return new Finding(checkId, category, severity, confidence, title, endpoint, parameter, evidence,
                    exchanges, curl, remediation, references, tags,
                    fingerprintOf(checkId, endpoint, parameter, discriminator));
        }
    }
}
