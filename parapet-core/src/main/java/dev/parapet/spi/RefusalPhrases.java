package dev.parapet.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data behind {@link Refusals}, read from {@code dev/parapet/spi/refusals.json}: refusal phrases, the JSON
 * field vocabularies of error bodies and envelopes, and what a redirect to a login looks like. Field names are held
 * normalised ({@link #field}); phrases normalised ({@link #normal}). Immutable and thread-safe.
 */
record RefusalPhrases(List<String> phrases, Set<String> messageFields, Set<String> problemFields,
                      Set<String> errorFields, Set<String> envelopeFields, Set<String> deniedFlags,
                      Set<String> failureFlags, Pattern loginLocation, Set<Integer> refusalStatuses) {

    static final RefusalPhrases DEFAULT = load();

    RefusalPhrases {
        phrases = phrases.stream().map(RefusalPhrases::normal).filter(p -> !p.isBlank()).distinct().toList();
        messageFields = Set.copyOf(messageFields.stream().map(RefusalPhrases::field).toList());
        problemFields = Set.copyOf(problemFields.stream().map(RefusalPhrases::field).toList());
        errorFields = Set.copyOf(errorFields.stream().map(RefusalPhrases::field).toList());
        envelopeFields = Set.copyOf(envelopeFields.stream().map(RefusalPhrases::field).toList());
        deniedFlags = Set.copyOf(deniedFlags.stream().map(RefusalPhrases::field).toList());
        failureFlags = Set.copyOf(failureFlags.stream().map(RefusalPhrases::field).toList());
        refusalStatuses = Set.copyOf(refusalStatuses);
    }

    private static RefusalPhrases load() {
        ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RefusalPhrases.class.getResourceAsStream("refusals.json")) {
            if (in == null) {
                throw new IllegalStateException("dev/parapet/spi/refusals.json is missing from the class path");
            }
            return json.readValue(in, RefusalPhrases.class);
        } catch (IOException e) {
            throw new UncheckedIOException("dev/parapet/spi/refusals.json is invalid: " + e.getMessage(), e);
        }
    }

    /** The first phrase {@code text} contains, or null. ASCII phrases match whole words only. */
    String phraseIn(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String padded = " " + normal(text) + " ";
        for (String p : phrases) {
            // called for every answer a check judges: no stream or concatenation per phrase
            if (ascii(p) ? containsWord(padded, p) : padded.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code padded} holds {@code word} with a space on either side: {@code padded.contains(" " + word + " ")}. */
    static boolean containsWord(String padded, String word) {
        for (int at = padded.indexOf(word, 1); at > 0; at = padded.indexOf(word, at + 1)) {
            int end = at + word.length();
            if (padded.charAt(at - 1) == ' ' && end < padded.length() && padded.charAt(end) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Lower case, every run of characters other than letters and digits turned into one space, trimmed. */
    static String normal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** A JSON field name as the vocabularies hold it: lower case, without {@code _}, {@code -} and spaces. */
    static String field(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
