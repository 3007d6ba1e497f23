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
        String[] want = trim(mapped.getRawPath()).split("/", -1);
        String[] got = trim(path).split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        String[] tpl = trim(template).split("/", -1);
        int offset = want.length - tpl.length;
        for (int i = 0; i < want.length; i++) {
            int t = i - offset;
            boolean placeholder = t >= 0 && tpl[t].contains("{");
            if (!placeholder && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }

    private static String trim(String p) {
        String s = p == null || p.isEmpty() ? "/" : p;
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
