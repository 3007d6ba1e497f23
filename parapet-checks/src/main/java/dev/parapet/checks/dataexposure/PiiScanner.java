package dev.parapet.checks.dataexposure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text with the false-positive filters as explicit steps: role mailboxes and file names
 * are not emails; phone numbers need a {@code +} or separators and 8–15 digits; card numbers need an issuer range,
 * a valid Luhn checksum and must not be a published test number; an SSN-shaped number needs a label saying so right
 * before it (within the same key/value or line). Stateless and thread-safe.
 */
final class PiiScanner {

    enum Kind { EMAIL, PHONE, CARD, SSN }

    /**
     * Distinct values of one kind found in one text, each by its normalised value, mapped to a masked sample.
     * {@code withContext}: at least one value had a confirming label nearby (cards).
     */
    record Found(Kind kind, Map<String, String> masked, boolean withContext) {
    }

    private final PiiPatterns p;

    PiiScanner(PiiPatterns patterns) {
        this.p = patterns;
    }

    Map<Kind, Found> scan(String text) {
        Map<Kind, Found> out = new EnumMap<>(Kind.class);
        put(out, Kind.EMAIL, emails(text), false);
        put(out, Kind.PHONE, phones(text), false);
        boolean[] cardContext = {false};
        put(out, Kind.CARD, cards(text, cardContext), cardContext[0]);
        put(out, Kind.SSN, ssns(text), true);
        return out;
    }

    private static void put(Map<Kind, Found> out, Kind kind, Map<String, String> masked, boolean context) {
        if (!masked.isEmpty()) {
            out.put(kind, new Found(kind, masked, context));
        }
    }

    private Map<String, String> emails(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = p.email().matcher(text);
        while (m.find()) {
            String local = m.group(1);
            if (p.roleMailbox().matcher(local).matches() || p.notTopLevelDomain().matcher(m.group(3)).matches()) {
                continue;
            }
            found.putIfAbsent(m.group().toLowerCase(Locale.ROOT), local.charAt(0) + "***@" + m.group(2));
        }
        return found;
    }

    private Map<String, String> phones(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Pattern phone : p.phones()) {
            Matcher m = phone.matcher(text);
            while (m.find()) {
                String digits = m.group().replaceAll("[^0-9]", "");
                if (digits.length() >= 8 && digits.length() <= 15) {
                    found.putIfAbsent(digits.substring(Math.max(0, digits.length() - 10)),
                            "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2));
                }
            }
        }
        return found;
    }

    private Map<String, String> cards(String text, boolean[] context) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = p.card().matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            var scheme = p.scheme(digits);
            if (scheme.isEmpty() || !PiiPatterns.luhnValid(digits) || p.testCards().contains(digits)
                    || digits.chars().distinct().count() < 4) {
                continue;
            }
            boolean grouped = m.group().matches("[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?");
            context[0] |= grouped || p.cardContext().matcher(labelBefore(text, m.start())).find();
            found.putIfAbsent(digits, scheme.get() + " **** " + digits.substring(digits.length() - 4));
        }
        return found;
    }

    private Map<String, String> ssns(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = p.ssn().matcher(text);
        while (m.find()) {
            if (PiiPatterns.plausibleSsn(m.group(1), m.group(2), m.group(3))
                    && p.ssnContext().matcher(labelBefore(text, m.start())).find()) {
                found.putIfAbsent(m.group(1) + m.group(2) + m.group(3), "***-**-" + m.group(3));
            }
        }
        return found;
    }

    /**
     * The text just before {@code at} back to the start of its key/value pair or line (at most 40 characters):
     * {@code "ssn":"} for a JSON value, {@code SSN: } for a label. Another field's key never counts.
     */
    static String labelBefore(String text, int at) {
        int from = Math.max(0, at - 40);
        String before = text.substring(from, at);
        int cut = -1;
        for (char c : new char[]{',', '{', '[', '\n', ';', '>'}) {
            cut = Math.max(cut, before.lastIndexOf(c));
        }
        return before.substring(cut + 1);
    }

    /** Masked samples, at most {@code n}. */
    static List<String> samples(Found f, int n) {
        return new ArrayList<>(f.masked().values()).subList(0, Math.min(n, f.masked().size()));
    }
}
