package dev.parapet.spi;

import java.net.URI;

/** Matching concrete URL paths against mapped operation paths. Stateless. */
final class PathTemplates {

    private PathTemplates() {
    }

    /**
     * Whether {@code path} is the path of {@code mapped} (an operation's synthesised URL) with any segments that
     * came from a {@code {placeholder}} of {@code template} free to differ. Trailing slashes are ignored.
     */
    static boolean matches(URI mapped, String template, String path) {
        String[] want = pattern(mapped, template);
        String[] got = segments(path);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i] != null && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The segments of {@code mapped}'s path, {@code null} where the segment came from a {@code {placeholder}} of
     * {@code template} (the template is aligned with the end of the path, after any server prefix).
     */
    static String[] pattern(URI mapped, String template) {
        String[] want = segments(mapped.getRawPath());
        String[] tpl = segments(template);
        int offset = want.length - tpl.length;
        for (int i = 0; i < want.length; i++) {
            int t = i - offset;
            if (t >= 0 && tpl[t].contains("{")) {
                want[i] = null;
            }
        }
        return want;
    }

    /** The segments of a path with its trailing slash ignored ({@code /} is one empty segment after the first). */
    static String[] segments(String path) {
        return trim(path).split("/", -1);
    }

    private static String trim(String p) {
        String s = p == null || p.isEmpty() ? "/" : p;
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
