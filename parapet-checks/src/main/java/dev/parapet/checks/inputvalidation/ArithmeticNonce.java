package dev.parapet.checks.inputvalidation;

import java.security.SecureRandom;
import java.util.List;

/**
 * Two random factors whose product only an evaluating server can write: a shell running {@code $((a*b))}, a
 * template engine rendering {@code {{a*b}}}. Factors lie in [3000, 40000), so the product has seven to ten digits
 * (rare by chance in an answer) and stays below 2^31 (cmd.exe's {@code set /a} and 32-bit template arithmetic do
 * not overflow). A fresh pair per probe, so answers of one scan are never mistaken for another's and the engine's
 * probe cache never answers one with another. Immutable; {@link #fresh} is thread-safe.
 *
 * @param a the first factor
 * @param b the second factor
 */
record ArithmeticNonce(int a, int b) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOW = 3000;
    private static final int HIGH = 40000;

    static ArithmeticNonce fresh() {
        return new ArithmeticNonce(LOW + RANDOM.nextInt(HIGH - LOW), LOW + RANDOM.nextInt(HIGH - LOW));
    }

    long product() {
        return (long) a * b;
    }

    /** {@code template} with {@code @A@}, {@code @B@} and {@code @AB@} (the product) filled in. */
    String fill(String template) {
        return template.replace("@AB@", Long.toString(product())).replace("@A@", Integer.toString(a))
                .replace("@B@", Integer.toString(b));
    }

    /**
     * Whether {@code body} holds the product, plainly or with digit grouping (FreeMarker and locale-aware
     * formatters write {@code 120,000,000}), and {@code sent}, the text of the probe, does not (so an echo of the
     * probe can never count).
     */
    boolean productIn(String body, String sent) {
        for (String form : forms()) {
            if (body.contains(form) && !sent.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /** The spellings of the product an evaluating server may write: plain, then grouped by thousands. */
    List<String> forms() {
        String plain = Long.toString(product());
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && (plain.length() - i) % 3 == 0) {
                grouped.append('\u0000');
            }
            grouped.append(plain.charAt(i));
        }
        String g = grouped.toString();
        return List.of(plain, g.replace('\u0000', ','), g.replace('\u0000', '.'), g.replace('\u0000', ' '),
                g.replace('\u0000', '\u00a0'), g.replace('\u0000', '\u202f'), g.replace('\u0000', '\''));
    }
}
