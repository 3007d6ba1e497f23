package dev.parapet.checks.authentication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a handful of session identifiers, issued one after another to fresh callers, give away: a counter (a number
 * in them that grows by small steps), a timestamp (a number that is the current time in seconds or milliseconds),
 * a short value, or too little that varies. Randomness is estimated from the samples themselves: the positions that
 * differ between them, each worth as many bits as the characters the values use allow. A counter or timestamp
 * beside at least {@link #MIN_BITS} bits of such randomness is no weakness. Pure.
 */
final class SessionIds {

    /** OWASP's floor for a session identifier's entropy. */
    static final int MIN_BITS = 64;
    /** Shorter than this is short whatever it is made of: 16 hexadecimal characters hold 64 bits at best. */
    static final int MIN_LENGTH = 16;
    /** Consecutive identifiers this close together are a counter, not chance. */
    private static final long MAX_STEP = 1_000;
    private static final Pattern DIGITS = Pattern.compile("\\d{3,18}");
    private static final long DAY = 86_400;

    /** A weakness and how the samples show it. */
    record Weakness(String kind, String detail) {
    }

    private SessionIds() {
    }

    /** The weakness of {@code values} (at least four, all distinct, in the order issued) at {@code now}, if any. */
    static Optional<Weakness> judge(List<String> values, Instant now) {
        Optional<Weakness> number = counterOrTimestamp(values, now);
        int bits = varyingBits(values, number.isPresent());
        if (number.isPresent() && bits < MIN_BITS) {
            return number;
        }
        int shortest = values.stream().mapToInt(String::length).min().orElse(0);
        if (shortest < MIN_LENGTH) {
            return Optional.of(new Weakness("short", shortest + " characters long"));
        }
        return bits < MIN_BITS ? Optional.of(new Weakness("low-entropy", "about " + bits + " bits vary between "
                + values.size() + " identifiers")) : Optional.empty();
    }

    /** The first digit run that counts up by small steps, or that is the current time, in every value. */
    private static Optional<Weakness> counterOrTimestamp(List<String> values, Instant now) {
        List<Long> numbers = new ArrayList<>();
        for (String v : values) {
            Matcher m = DIGITS.matcher(v);
            long longest = -1;
            int length = 0;
            while (m.find()) {
                if (m.group().length() > length) {
                    length = m.group().length();
                    longest = Long.parseLong(m.group());
                }
            }
            if (longest < 0) {
                return Optional.empty();
            }
            numbers.add(longest);
        }
        long seconds = now.getEpochSecond();
        boolean time = numbers.stream().allMatch(n -> Math.abs(n - seconds) < DAY || Math.abs(n / 1000 - seconds) < DAY);
        if (time) {
            return Optional.of(new Weakness("timestamp", "they hold the time they were issued, in "
                    + (Math.abs(numbers.getFirst() - seconds) < DAY ? "seconds" : "milliseconds")));
        }
        boolean counter = true;
        List<Long> steps = new ArrayList<>();
        for (int i = 1; i < numbers.size(); i++) {
            long step = numbers.get(i) - numbers.get(i - 1);
            steps.add(step);
            counter &= step > 0 && step <= MAX_STEP;
        }
        return counter ? Optional.of(new Weakness("counter", "they count up by " + steps)) : Optional.empty();
    }

    /**
     * Bits that vary between the samples: positions (of values aligned at their start) where not all samples agree,
     * times log2 of the alphabet the values use; digit runs are left out when {@code withoutNumbers}, so the counter
     * or clock itself is not mistaken for randomness.
     */
    static int varyingBits(List<String> values, boolean withoutNumbers) {
        List<String> vs = values.stream().map(v -> withoutNumbers ? DIGITS.matcher(v).replaceAll("") : v).toList();
        int length = vs.stream().mapToInt(String::length).max().orElse(0);
        int varying = 0;
        Set<Character> alphabet = new HashSet<>();
        for (int i = 0; i < length; i++) {
            Set<Character> seen = new HashSet<>();
            for (String v : vs) {
                seen.add(i < v.length() ? v.charAt(i) : '\0');
                if (i < v.length()) {
                    alphabet.add(v.charAt(i));
                }
            }
            varying += seen.size() > 1 ? 1 : 0;
        }
        return (int) Math.floor(varying * log2(alphabetSize(alphabet)));
    }

    /** The smallest usual alphabet holding every character seen: digits, hex, alphanumerics, base64. */
    private static int alphabetSize(Set<Character> chars) {
        if (chars.stream().allMatch(Character::isDigit)) {
            return 10;
        }
        if (chars.stream().allMatch(c -> Character.isDigit(c) || "abcdefABCDEF".indexOf(c) >= 0)) {
            return 16;
        }
        return chars.stream().allMatch(Character::isLetterOrDigit) ? 62 : 64;
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
