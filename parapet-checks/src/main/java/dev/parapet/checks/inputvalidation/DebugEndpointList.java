package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.Severity;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The debug and admin endpoints {@link DebugEndpointsCheck} requests and how each is recognised, loaded from
 * {@code checks/debug-endpoints/endpoints.json}. Immutable once loaded; safe to share between threads.
 */
record DebugEndpointList(List<Secret> secrets, List<Entry> entries) {

    /** A secret in an exposed body; {@code group} holds the value, which evidence masks. */
    record Secret(Pattern pattern, int group) {
    }

    /** Attack-path stages an exposure opens. */
    enum Stage { HOST, CREDENTIALS }

    /**
     * One endpoint: all {@code body} and {@code headers} patterns must match, no {@code absent} pattern may.
     * {@code method} is GET or HEAD.
     */
    record Entry(String id, String path, String name, String method, List<Pattern> body, List<Pattern> headers,
                 List<Pattern> absent, Severity severity, List<Stage> stages, String fix) {

        boolean recognises(Exchange e) {
            if (!e.answered()) {
                return false;
            }
            String headerLines = headerLines(e.responseHeaders());
            return body.stream().allMatch(p -> p.matcher(e.body()).find())
                    && headers.stream().allMatch(p -> p.matcher(headerLines).find())
                    && absent.stream().noneMatch(p -> p.matcher(e.body()).find());
        }

        /**
         * The text around the first signature match, for evidence: the body's (masked by {@code mask} before it is
         * cut, so a cut cannot separate a secret from what identifies it) or the header lines'.
         */
        String matchedText(Exchange e, UnaryOperator<String> mask) {
            Pattern first = body.isEmpty() ? headers.getFirst() : body.getFirst();
            String text = body.isEmpty() ? headerLines(e.responseHeaders()) : mask.apply(e.body());
            Matcher m = first.matcher(text);
            return m.find() ? Snippets.around(text, m.start(), m.end(), 60) : "";
        }
    }

    static DebugEndpointList load() {
        DebugEndpointList list = CheckData.load("debug-endpoints", "endpoints.json", DebugEndpointList.class);
        for (Entry e : list.entries()) {
            if (!e.method().equals("GET") && !e.method().equals("HEAD")) {
                throw new IllegalStateException("debug endpoint " + e.id() + " must use GET or HEAD, not "
                        + e.method());
            }
            if (e.body().isEmpty() && e.headers().isEmpty()) {
                throw new IllegalStateException("debug endpoint " + e.id() + " has no content signature");
            }
        }
        return list;
    }

    /** The first secret in {@code body} with its value masked (e.g. {@code postgres://shop:****@}), if any. */
    Optional<String> firstSecret(String body) {
        for (Secret s : secrets) {
            Matcher m = s.pattern().matcher(body);
            if (m.find()) {
                return Optional.of(m.group().replace(m.group(s.group()), Snippets.mask(m.group(s.group()), 0)));
            }
        }
        return Optional.empty();
    }

    /** {@code text} with every secret value masked. */
    String masked(String text) {
        String out = text;
        for (Secret s : secrets) {
            Matcher m = s.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String whole = m.group();
                String value = m.group(s.group());
                m.appendReplacement(sb, Matcher.quoteReplacement(whole.replace(value, Snippets.mask(value, 0))));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    static String headerLines(Headers headers) {
        return headers.fields().stream().map(f -> f.name() + ": " + f.value()).collect(Collectors.joining("\n"));
    }
}
