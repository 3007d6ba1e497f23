package dev.parapet.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable set of exact values to mask (the credentials a user supplied, in every form a target may echo them:
 * raw, URL-encoded, Base64 standard and URL-safe with and without padding, JSON-escaped, hex), searched in one
 * pass by a {@link MultiStringMatcher}. Overlapping occurrences are masked as one, so a value that contains or
 * overlaps another is masked whole. Thread-safe.
 */
final class RegisteredSecrets {

    static final RegisteredSecrets NONE = new RegisteredSecrets(List.of());

    private final List<String> values;
    private final MultiStringMatcher matcher;

    private RegisteredSecrets(List<String> values) {
        this.values = List.copyOf(values);
        this.matcher = values.isEmpty() ? null : MultiStringMatcher.of(values, false);
    }

    /** This set with {@code added} (the forms of each are added by the caller, see {@link #formsOf}). */
    RegisteredSecrets with(List<String> added) {
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(added);
        return all.size() == values.size() ? this : new RegisteredSecrets(new ArrayList<>(all));
    }

    int size() {
        return values.size();
    }

    /**
     * The forms in which {@code value} can travel: itself, URL-encoded (form and path style), Base64 (standard and
     * URL-safe, padded and not), JSON-escaped and hex (either case). Forms shorter than {@code minLength} are left
     * out.
     */
    static List<String> formsOf(String value, int minLength) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(form.replace("+", "%20"));
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(jsonEscaped(value));
        forms.add(HexFormat.of().formatHex(bytes));
        forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
        return forms.stream().filter(f -> f.length() >= minLength).toList();
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code text} with every occurrence masked as {@code mask}; the same instance when none occurs. */
    CharSequence mask(CharSequence text, String mask) {
        if (matcher == null) {
            return text;
        }
        int[][] longestEndAt = new int[1][];
        matcher.forEach(text, (start, end, word) -> {
            if (longestEndAt[0] == null) {
                longestEndAt[0] = new int[text.length()];
            }
            longestEndAt[0][start] = Math.max(longestEndAt[0][start], end);
        });
        int[] ends = longestEndAt[0];
        if (ends == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] == 0) {
                continue;
            }
            if (i >= copied) {
                out.append(text, copied, i).append(mask);
                copied = ends[i];
            } else if (ends[i] > copied) {
                copied = ends[i]; // overlapping occurrences are masked as one
            }
        }
        return out.append(text, copied, text.length());
    }
}
