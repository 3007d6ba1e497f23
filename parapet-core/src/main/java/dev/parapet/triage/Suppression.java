package dev.parapet.triage;

import dev.parapet.model.Finding;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One accepted finding (or family of findings): either a {@code fingerprint}, or a {@code checkId} with an optional
 * {@code path} glob over the endpoint's path ({@code *} within one segment, {@code **} across segments,
 * {@code ?} one character). {@code reason} says why it is accepted; the suppression applies up to and including
 * {@code expires}, and stops applying the day after so accepted risks are looked at again. Immutable.
 */
public record Suppression(String fingerprint, String checkId, String path, String reason, LocalDate expires) {

    public Suppression {
        fingerprint = fingerprint == null ? "" : fingerprint.strip();
        checkId = checkId == null ? "" : checkId.strip();
        path = path == null ? "" : path.strip();
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        if (fingerprint.isEmpty() == checkId.isEmpty()) {
            throw new IllegalArgumentException("a suppression names either a fingerprint or a check, not both");
        }
        if (!fingerprint.isEmpty() && !path.isEmpty()) {
            throw new IllegalArgumentException("a path applies to a check suppression, not to a fingerprint");
        }
    }

    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** Whether this entry names {@code f} (regardless of expiry). */
    public boolean matches(Finding f) {
        if (!fingerprint.isEmpty()) {
            return fingerprint.equals(f.fingerprint());
        }
        if (!checkId.equals(f.checkId())) {
            return false;
        }
        if (path.isEmpty()) {
            return true;
        }
        String p = f.endpoint().uri().getPath();
        return globToRegex(path).matcher(p == null || p.isEmpty() ? "/" : p).matches();
    }

    /** A short label for messages: the fingerprint, or the check and path. */
    public String label() {
        if (!fingerprint.isEmpty()) {
            return "fingerprint " + fingerprint;
        }
        return "check " + checkId + (path.isEmpty() ? "" : " on " + path);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
