package dev.parapet.labs;

import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a finding's {@code curl} command as a user would (through {@code /bin/sh}, with {@code /usr/bin/curl} and a
 * time limit) and tells whether the output shows the evidence again. The distinctive parts of the evidence are the
 * fragments (between quotes, ellipses, masks and list separators, at least {@value #MIN_FRAGMENT} characters) that
 * also occur in the recorded response; at least one of them must come back.
 */
final class CurlReplay {

    static final int MIN_FRAGMENT = 6;

    /** What one replay showed. {@code reproduced} is false with a reason otherwise. */
    record Result(String findingTitle, String curl, boolean reproduced, List<String> expected, String reason) {
    }

    private CurlReplay() {
    }

    static Result replay(Path curlBinary, Finding f) throws IOException, InterruptedException {
        return replay(curlBinary, f, List.of());
    }

    /**
     * As a user would with their own tokens: a curl whose bearer token the report redacted is run with each of
     * {@code bearerTokens} in place of {@code [redacted]} until one reproduces the evidence.
     */
    static Result replay(Path curlBinary, Finding f, List<String> bearerTokens) throws IOException, InterruptedException {
        List<String> expected = distinctiveParts(f);
        if (expected.isEmpty()) {
            return new Result(f.title(), f.curl(), false, expected, "no part of the evidence occurs in the response");
        }
        if (!f.curl().contains(REDACTED_BEARER) || bearerTokens.isEmpty()) {
            return run(curlBinary, f, f.curl(), expected);
        }
        Result last = null;
        for (String token : bearerTokens) {
            last = run(curlBinary, f, f.curl().replace(REDACTED_BEARER, "Bearer " + token), expected);
            if (last.reproduced()) {
                return last;
            }
        }
        return last;
    }

    private static final String REDACTED_BEARER = "Bearer [redacted]";

    /** Runs {@code curlCommand}; the result names the finding's own (redacted) curl, never the token. */
    private static Result run(Path curlBinary, Finding f, String curlCommand, List<String> expected)
            throws IOException, InterruptedException {
        String command = curlCommand.replaceFirst("^curl ", curlBinary + " --max-time 15 ");
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readNBytes(4 << 20);
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return new Result(f.title(), f.curl(), false, expected, "curl did not finish in 20 s");
        }
        String text = new String(out, StandardCharsets.UTF_8).replace("\\u0000", "\u0000");
        String lower = oneLine(text).toLowerCase(java.util.Locale.ROOT);
        boolean found = expected.stream().anyMatch(s -> lower.contains(s.toLowerCase(java.util.Locale.ROOT)));
        return new Result(f.title(), f.curl(), found, expected, found ? "" : "curl exit " + p.exitValue()
                + ", output did not contain any of " + expected);
    }

    static List<String> distinctiveParts(Finding f) {
        String response = f.exchanges().isEmpty() ? "" : oneLine(responseText(f.exchanges().getFirst()));
        return Arrays.stream(f.evidence().split("…|\\*{4}|\"|\\s[|;,]\\s|[;,]\\s|[()]|: |\\s\\|\\s"))
                .map(CurlReplay::oneLine).filter(s -> s.length() >= MIN_FRAGMENT).filter(response::contains)
                .distinct().toList();
    }

    /** Evidence quotes multi-line bodies on one line; compare both sides with whitespace runs as single spaces. */
    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String responseText(Exchange e) {
        StringBuilder sb = new StringBuilder(e.body());
        for (Headers.Field h : e.responseHeaders().fields()) {
            sb.append('\n').append(h.name()).append(": ").append(h.value());
        }
        return sb.toString();
    }
}
