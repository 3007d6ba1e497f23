package dev.parapet.checks.inputvalidation;

import com.google.re2j.Pattern;
import dev.parapet.model.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Compares answers to variations of one input the way a boolean-differential test must: status and body, with the
 * value sent written back to the original wherever the answer echoes it (raw, URL-, JSON- or HTML-escaped), and
 * volatile tokens (timestamps, UUIDs, long hex or digit runs, Parapet's own write markers) blanked, so an echo or a
 * clock never makes two answers differ and a different result set always does. Stateless.
 */
final class SqlAnswers {

    private static final Pattern VOLATILE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?"
            + "(?:Z|[+-]\\d\\d:?\\d\\d)?|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|\\b[0-9a-fA-F]{16,}\\b|\\b\\d{10,}\\b|parapet-[0-9a-f]{10}|Pp-[0-9a-f]{10}-9x!");

    private SqlAnswers() {
    }

    /** Whether {@code a} (which carried {@code sentA}) and {@code b} (which carried {@code sentB}) answered alike. */
    static boolean same(Exchange a, String sentA, Exchange b, String sentB, String original) {
        return a.answered() && b.answered() && normalised(a, sentA, original).equals(normalised(b, sentB, original));
    }

    /** {@code status body}, the echo of {@code sent} written back to {@code original}, volatile tokens blanked. */
    static String normalised(Exchange e, String sent, String original) {
        String body = e.body();
        if (!sent.equals(original)) {
            for (String form : echoForms(sent)) {
                body = body.replace(form, original);
            }
        }
        return e.status() + " " + VOLATILE.matcher(body).replaceAll("~");
    }

    /** How an answer may quote {@code sent}: longest forms first, so a longer echo is replaced whole. */
    private static Set<String> echoForms(String sent) {
        Set<String> forms = new LinkedHashSet<>();
        String json = sent.replace("\\", "\\\\").replace("\"", "\\\"");
        forms.add(json.replace("'", "\\u0027"));
        forms.add(URLEncoder.encode(sent, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(sent, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(sent.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;"));
        forms.add(sent.replace("&", "&amp;").replace("'", "&#x27;").replace("\"", "&quot;").replace("<", "&lt;"));
        forms.add(json);
        forms.add(sent);
        forms.removeIf(String::isEmpty);
        return forms;
    }
}
