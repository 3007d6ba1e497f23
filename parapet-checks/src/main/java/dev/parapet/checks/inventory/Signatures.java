package dev.parapet.checks.inventory;

import dev.parapet.checks.support.CheckData;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Software signatures for {@code server-fingerprint}, loaded from {@code signatures.json}. {@code headers} are the
 * response headers worth reading at all; each signature names the headers it applies to, a case-insensitive
 * pattern for them and optionally one for error-page bodies. A named group {@code version} captures the version.
 */
record Signatures(List<String> headers, List<Signature> signatures) {

    Signatures {
        headers = List.copyOf(headers);
        signatures = List.copyOf(signatures);
    }

    static Signatures load() {
        return CheckData.load("server-fingerprint", "signatures.json", Signatures.class);
    }

    /** {@code body}: a pattern for error-page footers, or "" when the product shows no version in its pages. */
    record Signature(String product, List<String> headers, String header, String body, String remediation) {

        Signature {
            headers = List.copyOf(headers);
            if (product == null || product.isBlank() || header == null || remediation == null) {
                throw new IllegalArgumentException("a signature needs a product, a header pattern and a remediation");
            }
        }

        Pattern headerPattern() {
            return Pattern.compile(header, Pattern.CASE_INSENSITIVE);
        }

        Optional<Pattern> bodyPattern() {
            return body.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(body, Pattern.CASE_INSENSITIVE));
        }

        boolean appliesTo(String headerName) {
            return headers.stream().anyMatch(h -> h.equalsIgnoreCase(headerName));
        }
    }

    /** The version a match captured, or an empty string when the pattern has none or it did not take part. */
    static String versionOf(Matcher m) {
        if (!m.pattern().pattern().contains("(?<version>")) {
            return "";
        }
        String v = m.group("version");
        return v == null ? "" : v;
    }
}
