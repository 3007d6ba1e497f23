package dev.parapet.model;

import java.util.Locale;

/**
 * How far a scan may go. {@code PASSIVE}: plain requests to discovered endpoints only (the engine refuses any
 * other probe: only GET, HEAD and OPTIONS without crafted headers or body, to URLs discovery found).
 * {@code SAFE} (default): GET, HEAD and OPTIONS with non-destructive probe values. {@code ACTIVE}: may also use
 * state-changing methods.
 */
public enum ScanMode {
    PASSIVE, SAFE, ACTIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanMode parse(String text) {
        for (ScanMode m : values()) {
            if (m.id().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "' (valid: passive, safe, active)");
    }
}
