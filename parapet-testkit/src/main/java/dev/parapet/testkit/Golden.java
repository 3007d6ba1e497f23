package dev.parapet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden-file assertions. Volatile values (ports, timestamps, durations, scan ids, version) are normalised first.
 * Golden files change only through the explicit switch {@code -Dparapet.updateGolden=true}, which rewrites them;
 * review the diff before committing.
 */
public final class Golden {

    private static final boolean UPDATE = Boolean.getBoolean("parapet.updateGolden");

    private Golden() {
    }

    /** Compares {@code actual} (normalised) with the file under {@code src/test/resources/golden/}. */
    public static void assertMatches(String name, String actual) {
        Path file = Path.of("src/test/resources/golden").resolve(name);
        String normalised = normalise(actual);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("golden file " + file + " is missing; run the test once with "
                        + "-Dparapet.updateGolden=true to create it, then review it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(normalised)) {
                throw new AssertionError("output differs from golden file " + file + " (rerun with "
                        + "-Dparapet.updateGolden=true if the change is intended)\n" + diff(expected, normalised));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern[] VOLATILE = {
            Pattern.compile("127\\.0\\.0\\.1(:|%3A|%3a)\\d{2,5}"),
            Pattern.compile("(parapet[-_]nx[-_])[0-9a-f]{8,}"),
            Pattern.compile("\\btime=\"[0-9.]+\""),
            Pattern.compile("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
            Pattern.compile("(\"parapet/[^/\"]+/)[0-9a-f]{12}\""),
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"),
            Pattern.compile("\"(scanId|scan_id)\"\\s*:\\s*\"[0-9a-f]{12}\""),
            Pattern.compile("(?i)\\bscan [0-9a-f]{12}\\b"),
            Pattern.compile("\"(durationMillis|elapsedMillis)\"\\s*:\\s*\\d+"),
            Pattern.compile("\\b\\d+(\\.\\d+)? ?(ms|s)\\b"),
            Pattern.compile("Parapet/[0-9A-Za-z.\\-]+"),
            Pattern.compile("\"parapetVersion\"\\s*:\\s*\"[^\"]+\""),
            Pattern.compile("\"(Date|date)\"\\s*:\\s*\\[\\s*\"[^\"]+\"\\s*]"),
            // the JDK's HttpClient, when the demo fetches the canary for a planted URL
            Pattern.compile("Java-http-client/[0-9A-Za-z.+-]+"),
    };
    private static final String[] REPLACEMENTS = {
            "127.0.0.1$1PORT", "$1TOKEN", "time=\"0\"", "HTTP-DATE", "$1SCANID\"", "TIMESTAMP", "\"$1\": \"SCANID\"", "scan SCANID", "\"$1\": 0", "N$2",
            "Parapet/VERSION", "\"parapetVersion\": \"VERSION\"", "\"$1\": [ \"DATE\" ]",
            "Java-http-client/VERSION",
    };

    /** Random per-scan probe tokens (e.g. the TRACE echo marker); every occurrence becomes TOKEN. */
    private static final Pattern PROBE_TOKEN = Pattern.compile("(?i)x-parapet-[a-z-]+:\\s*([0-9a-f]{12,})");

    /** The out-of-band canary's random path tokens, as planted in probes (plain or URL-encoded). */
    private static final Pattern CANARY_TOKEN = Pattern.compile(
            "127\\.0\\.0\\.1(?::|%3A|%3a)\\d{2,5}(?:/|%2F|%2f)([0-9a-f]{32})\\b");
    /** The canary's per-token page marker. */
    private static final Pattern CANARY_MARKER = Pattern.compile("pcanary[0-9a-f]{20}");

    public static String normalise(String s) {
        String out = s.replace("\r\n", "\n");
        java.util.Set<String> tokens = new java.util.HashSet<>();
        Matcher tokenMatcher = PROBE_TOKEN.matcher(out);
        while (tokenMatcher.find()) {
            tokens.add(tokenMatcher.group(1));
        }
        Matcher canaryMatcher = CANARY_TOKEN.matcher(out);
        while (canaryMatcher.find()) {
            tokens.add(canaryMatcher.group(1));
        }
        out = CANARY_MARKER.matcher(out).replaceAll("pcanaryMARKER");
        for (String token : tokens) {
            out = out.replace(token, "TOKEN");
        }
        for (int i = 0; i < VOLATILE.length; i++) {
            out = VOLATILE[i].matcher(out).replaceAll(REPLACEMENTS[i]);
        }
        return out;
    }

    private static String diff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "first difference at line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return "";
    }
}
