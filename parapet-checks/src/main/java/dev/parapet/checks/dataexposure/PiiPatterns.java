package dev.parapet.checks.dataexposure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What personal data looks like, loaded from {@code checks/pii-exposure/patterns.json}. Immutable once loaded.
 * {@code issuers} maps a card scheme to a regex over the card's digits (IIN range and length).
 */
record PiiPatterns(Pattern email, Pattern roleMailbox, Pattern notTopLevelDomain, List<Pattern> phones, Pattern card,
                   Map<String, Pattern> issuers, Set<String> testCards, Pattern cardContext, Pattern ssn,
                   Pattern ssnContext) {

    /** The card scheme whose IIN range and length the digits fit, if any. */
    java.util.Optional<String> scheme(String digits) {
        return issuers.entrySet().stream().filter(e -> e.getValue().matcher(digits).matches()).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The Luhn (mod 10) checksum every payment card number satisfies. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** The SSA never issues area 000, 666 or 900–999, group 00 or serial 0000. */
    static boolean plausibleSsn(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000");
    }
}
