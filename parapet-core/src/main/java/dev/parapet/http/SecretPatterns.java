package dev.parapet.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Masks the kinds of secret Parapet recognises by their shape (credential headers quoted in text, private key
 * blocks, JSON web tokens, URL passwords, cloud and SaaS keys, password/token fields in JSON, forms and env files)
 * in one forward pass: a {@link MultiStringMatcher} finds every anchor word ({@code authorization}, {@code eyJ},
 * {@code ://}, {@code password}…), and each anchor is tried by hand-written scanners that read forward from it.
 * A run of characters that a failed anchor read is never read again for the same rule, so the work is linear in
 * the text whatever it holds (a 200,000-character word, a megabyte of one letter). Stateless and thread-safe.
 *
 * <p>Each rule keeps the part that says what kind of secret it is ({@code Authorization: Bearer }, {@code AKIA},
 * {@code "password":"}) and masks the rest; the shapes are those of the regular expressions documented with each
 * rule, without their backtracking.
 */
final class SecretPatterns {

    private enum Rule {
        /** {@code (proxy-)authorization\s*:\s*((bearer|basic|token|digest|negotiate)\s+)?[^\s"',;]+} */
        AUTHORIZATION,
        /** {@code (?<!set-)\b(cookie|x-api-key|api-key|x-auth-token)\s*:\s*([^\s=;"']+=[^\s;"']*(;[ \t]*)?)+} */
        COOKIE,
        /** {@code -----BEGIN [A-Z ]*PRIVATE KEY-----} up to the next {@code -----END [A-Z ]*PRIVATE KEY-----} */
        PRIVATE_KEY,
        /** {@code eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*}: the header segment is kept */
        JWT,
        /** {@code [a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^:/@\s"']{1,64}:[^@\s"'/]{1,128}(?=@)} */
        URL_PASSWORD,
        /** {@code \b(AKIA|ASIA)[0-9A-Z]{16}\b} */
        AWS_KEY,
        /** {@code \b(sk|rk|pk)_(live|test)_[0-9a-zA-Z]{10,}} */
        STRIPE_KEY,
        /** {@code \bgh[pousr]_[A-Za-z0-9]{30,}} */
        GITHUB_TOKEN,
        /** {@code \bgithub_pat_[A-Za-z0-9_]{30,}} */
        GITHUB_PAT,
        /** {@code \bxox[abprs]-[A-Za-z0-9-]{10,}} */
        SLACK_TOKEN,
        /** {@code \bAIza[0-9A-Za-z_-]{35}} */
        GOOGLE_KEY,
        /**
         * {@code "?[\w-]*KEYWORD[\w-]*"\s*:\s*"(?:[^"\\]|\\.)*}: also a snippet cut out of a body (key without its
         * opening quote, value without its closing one); escaped quotes stay inside the masked value
         */
        JSON_FIELD,
        /** {@code \b[\w-]*KEYWORD[\w-]*=[^&\s"'<,;]+}: form and env styles */
        ASSIGNMENT
    }

    private record Anchor(String word, boolean caseSensitive, Rule... rules) {
    }

    private static final List<String> FIELD_WORDS = List.of("passwd", "password", "secret", "token", "api_key",
            "api-key", "apikey", "private_key", "private-key", "privatekey", "credential", "session_id", "session-id",
            "sessionid", "salt");
    private static final List<String> ASSIGNMENT_WORDS = List.of("passwd", "password", "secret", "token", "api_key",
            "api-key", "apikey", "access_key", "access-key", "accesskey");

    private static final List<Anchor> ANCHORS = anchors();
    private static final MultiStringMatcher MATCHER = MultiStringMatcher.of(
            ANCHORS.stream().map(Anchor::word).toList(), true);

    private SecretPatterns() {
    }

    private static List<Anchor> anchors() {
        List<Anchor> out = new ArrayList<>();
        out.add(new Anchor("authorization", false, Rule.AUTHORIZATION));
        for (String w : List.of("cookie", "x-api-key", "api-key", "x-auth-token")) {
            out.add(new Anchor(w, false, Rule.COOKIE));
        }
        out.add(new Anchor("-----BEGIN ", true, Rule.PRIVATE_KEY));
        out.add(new Anchor("eyJ", true, Rule.JWT));
        out.add(new Anchor("://", true, Rule.URL_PASSWORD));
        out.add(new Anchor("AKIA", true, Rule.AWS_KEY));
        out.add(new Anchor("ASIA", true, Rule.AWS_KEY));
        for (String p : List.of("sk", "rk", "pk")) {
            out.add(new Anchor(p + "_live_", true, Rule.STRIPE_KEY));
            out.add(new Anchor(p + "_test_", true, Rule.STRIPE_KEY));
        }
        for (char c : "pousr".toCharArray()) {
            out.add(new Anchor("gh" + c + "_", true, Rule.GITHUB_TOKEN));
        }
        out.add(new Anchor("github_pat_", true, Rule.GITHUB_PAT));
        for (char c : "abprs".toCharArray()) {
            out.add(new Anchor("xox" + c + "-", true, Rule.SLACK_TOKEN));
        }
        out.add(new Anchor("AIza", true, Rule.GOOGLE_KEY));
        List<String> keywords = new ArrayList<>(FIELD_WORDS);
        ASSIGNMENT_WORDS.stream().filter(w -> !keywords.contains(w)).forEach(keywords::add);
        for (String w : keywords) {
            boolean field = FIELD_WORDS.contains(w);
            boolean assignment = ASSIGNMENT_WORDS.contains(w);
            Rule[] rules = field && assignment ? new Rule[]{Rule.JSON_FIELD, Rule.ASSIGNMENT}
                    : field ? new Rule[]{Rule.JSON_FIELD} : new Rule[]{Rule.ASSIGNMENT};
            // api-key is a COOKIE anchor too; the matcher reports each word once, so the rules are merged there
            int existing = indexOf(out, w);
            if (existing >= 0) {
                Anchor a = out.get(existing);
                Rule[] merged = Arrays.copyOf(a.rules(), a.rules().length + rules.length);
                System.arraycopy(rules, 0, merged, a.rules().length, rules.length);
                out.set(existing, new Anchor(w, false, merged));
            } else {
                out.add(new Anchor(w, false, rules));
            }
        }
        return List.copyOf(out);
    }

    private static int indexOf(List<Anchor> anchors, String word) {
        for (int i = 0; i < anchors.size(); i++) {
            if (anchors.get(i).word().equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every recognised secret masked as {@code mask}; the same instance when nothing was. */
    static CharSequence mask(CharSequence text, String mask) {
        List<long[]> hits = new ArrayList<>();
        MATCHER.forEach(text, (start, end, word) -> {
            Anchor a = ANCHORS.get(word);
            if (!a.caseSensitive() || regionEquals(text, start, a.word())) {
                hits.add(new long[]{start, word});
            }
        });
        if (hits.isEmpty()) {
            return text;
        }
        // the matcher reports by end; rules read forward from an anchor's start
        hits.sort((a, b) -> Long.compare(a[0], b[0]));
        return new Scan(text, mask).run(hits);
    }

    private static boolean regionEquals(CharSequence text, int start, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (text.charAt(start + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** One pass over one text: the output so far and what failed anchors already read. */
    private static final class Scan {
        private final CharSequence text;
        private final String mask;
        private final int n;
        private StringBuilder out;
        private int copied;
        /** Per rule: anchors that start before this index cannot match it (what they would read was read). */
        private final int[] failedBefore = new int[Rule.values().length];
        /** The memo of {@link #wordRunEnd}: the last run of {@code [\w-]} read, {@code [runFrom, runEnd)}. */
        private int runFrom = -1;
        private int runEnd = -1;
        /** The next private-key END marker at or after {@link #endSearchedFrom}, or -1 when there is none. */
        private int endSearchedFrom = -1;
        private int nextEndMarker = -1;

        Scan(CharSequence text, String mask) {
            this.text = text;
            this.mask = mask;
            this.n = text.length();
        }

        CharSequence run(List<long[]> hits) {
            for (long[] hit : hits) {
                int start = (int) hit[0];
                if (start < copied) {
                    continue;
                }
                Anchor anchor = ANCHORS.get((int) hit[1]);
                for (Rule rule : anchor.rules()) {
                    if (start < failedBefore[rule.ordinal()]) {
                        continue;
                    }
                    if (tryRule(rule, start, start + anchor.word().length())) {
                        break;
                    }
                }
            }
            if (out == null) {
                return text;
            }
            out.append(text, copied, n);
            return out;
        }

        /** Masks {@code [keepEnd, secretEnd)} and moves past it. */
        private boolean masked(int keepEnd, int secretEnd) {
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(text, copied, keepEnd).append(mask);
            copied = secretEnd;
            return true;
        }

        private boolean failed(Rule rule, int readUpTo) {
            failedBefore[rule.ordinal()] = Math.max(failedBefore[rule.ordinal()], readUpTo);
            return false;
        }

        private boolean tryRule(Rule rule, int start, int after) {
            return switch (rule) {
                case AUTHORIZATION -> authorization(after);
                case COOKIE -> cookie(start, after);
                case PRIVATE_KEY -> privateKey(after);
                case JWT -> jwt(after);
                case URL_PASSWORD -> urlPassword(start, after);
                case AWS_KEY -> wordStart(start) && run(after, SecretPatterns::upperOrDigit, 17) == after + 16
                        && !isWord(after + 16) && masked(after, after + 16);
                case STRIPE_KEY -> tokenTail(start, after, 10, SecretPatterns::alnum);
                case GITHUB_TOKEN -> tokenTail(start, after, 30, SecretPatterns::alnum);
                case GITHUB_PAT -> tokenTail(start, after, 30, SecretPatterns::isWordChar);
                case SLACK_TOKEN -> tokenTail(start, after, 10, c -> alnum(c) || c == '-');
                case GOOGLE_KEY -> wordStart(start) && run(after, SecretPatterns::base64Url, 35) == after + 35
                        && masked(after, after + 35);
                case JSON_FIELD -> jsonField(after);
                case ASSIGNMENT -> assignment(after);
            };
        }

        private boolean authorization(int after) {
            int colon = skipSpaces(after);
            if (colon >= n || text.charAt(colon) != ':') {
                return false;
            }
            int value = skipSpaces(colon + 1);
            int scheme = run(value, Character::isLetter, 11);
            int keep = value;
            if (scheme > value && scheme < n && isSpace(text.charAt(scheme)) && isScheme(value, scheme)) {
                int afterScheme = skipSpaces(scheme);
                if (run(afterScheme, SecretPatterns::headerValueChar, n) > afterScheme) {
                    keep = afterScheme;
                }
            }
            int end = run(keep, SecretPatterns::headerValueChar, n);
            return end > keep && masked(keep, end);
        }

        private boolean isScheme(int from, int to) {
            String word = text.subSequence(from, to).toString().toLowerCase(java.util.Locale.ROOT);
            return switch (word) {
                case "bearer", "basic", "token", "digest", "negotiate" -> true;
                default -> false;
            };
        }

        private boolean cookie(int start, int after) {
            if (!wordStart(start) || followsSetPrefix(start)) {
                return false;
            }
            int colon = skipSpaces(after);
            if (colon >= n || text.charAt(colon) != ':') {
                return false;
            }
            int keep = skipSpaces(colon + 1);
            int end = keep;
            while (true) {
                int nameEnd = run(end, SecretPatterns::cookieNameChar, n);
                if (nameEnd == end || nameEnd >= n || text.charAt(nameEnd) != '=') {
                    break;
                }
                int valueEnd = run(nameEnd + 1, SecretPatterns::cookieValueChar, n);
                if (valueEnd < n && text.charAt(valueEnd) == ';') {
                    valueEnd = run(valueEnd + 1, c -> c == ' ' || c == '\t', n);
                }
                end = valueEnd;
            }
            return end > keep && masked(keep, end);
        }

        private boolean followsSetPrefix(int start) {
            return start >= 4 && text.subSequence(start - 4, start).toString().equalsIgnoreCase("set-");
        }

        private boolean privateKey(int after) {
            int label = run(after, c -> (c >= 'A' && c <= 'Z') || c == ' ', 256);
            if (!endsPrivateKeyLabel(after, label)) {
                return false;
            }
            int keep = label + 5;
            int end = endMarkerAtOrAfter(keep);
            return end >= 0 && masked(keep, end);
        }

        /** {@code [from, label)} ends with {@code PRIVATE KEY} and {@code -----} follows. */
        private boolean endsPrivateKeyLabel(int from, int label) {
            String suffix = "PRIVATE KEY";
            return label - from >= suffix.length() && label + 5 <= n
                    && regionEquals(text, label - suffix.length(), suffix) && regionEquals(text, label, "-----");
        }

        /** The first {@code -----END [A-Z ]*PRIVATE KEY-----} at or after {@code from}; searches move forward only. */
        private int endMarkerAtOrAfter(int from) {
            if (endSearchedFrom >= 0 && from >= endSearchedFrom && (nextEndMarker < 0 || nextEndMarker >= from)) {
                return nextEndMarker;
            }
            endSearchedFrom = from;
            nextEndMarker = -1;
            String end = "-----END ";
            for (int i = from; i + end.length() <= n; i++) {
                if (text.charAt(i) == '-' && regionEquals(text, i, end)) {
                    int labelFrom = i + end.length();
                    int label = run(labelFrom, c -> (c >= 'A' && c <= 'Z') || c == ' ', 256);
                    if (endsPrivateKeyLabel(labelFrom, label)) {
                        nextEndMarker = i;
                        break;
                    }
                }
            }
            return nextEndMarker;
        }

        private boolean jwt(int after) {
            int header = wordRun(after);
            if (header - after < 5 || header >= n || text.charAt(header) != '.') {
                return failed(Rule.JWT, header);
            }
            int payload = run(header + 1, SecretPatterns::base64Url, n);
            if (payload - header - 1 < 5 || payload >= n || text.charAt(payload) != '.') {
                return failed(Rule.JWT, header);
            }
            return masked(header, run(payload + 1, SecretPatterns::base64Url, n));
        }

        private boolean urlPassword(int start, int after) {
            boolean scheme = false;
            for (int i = start - 1; i >= Math.max(0, start - 21) && schemeChar(text.charAt(i)); i--) {
                if (i <= start - 2 && isAsciiLetter(text.charAt(i))) {
                    scheme = true;
                }
            }
            if (!scheme) {
                return false;
            }
            int user = run(after, c -> c != ':' && c != '/' && c != '@' && !isSpace(c) && c != '"' && c != '\'', 65);
            if (user == after || user - after > 64 || user >= n || text.charAt(user) != ':') {
                return false;
            }
            int password = run(user + 1, c -> c != '@' && !isSpace(c) && c != '"' && c != '\'' && c != '/', 129);
            if (password == user + 1 || password - user - 1 > 128 || password >= n || text.charAt(password) != '@') {
                return false;
            }
            return masked(user + 1, password);
        }

        private boolean tokenTail(int start, int after, int minimum, CharPredicate body) {
            if (!wordStart(start)) {
                return false;
            }
            int end = run(after, body, n);
            return end - after >= minimum && masked(after, end);
        }

        private boolean jsonField(int after) {
            int key = wordRun(after);
            if (key >= n || text.charAt(key) != '"') {
                return failed(Rule.JSON_FIELD, key);
            }
            int colon = skipSpaces(key + 1);
            if (colon >= n || text.charAt(colon) != ':') {
                return failed(Rule.JSON_FIELD, key);
            }
            int quote = skipSpaces(colon + 1);
            if (quote >= n || text.charAt(quote) != '"') {
                return failed(Rule.JSON_FIELD, key);
            }
            int i = quote + 1;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= n || isLineTerminator(text.charAt(i + 1))) {
                        break;
                    }
                    i += 2;
                } else {
                    i++;
                }
            }
            return masked(quote + 1, i);
        }

        private boolean assignment(int after) {
            int key = wordRun(after);
            if (key >= n || text.charAt(key) != '=') {
                return failed(Rule.ASSIGNMENT, key);
            }
            int end = run(key + 1, c -> c != '&' && !isSpace(c) && c != '"' && c != '\'' && c != '<' && c != ','
                    && c != ';', n);
            return end > key + 1 ? masked(key + 1, end) : failed(Rule.ASSIGNMENT, key);
        }

        /**
         * The end of the run of {@code [\w-]} characters (which is also the base64url alphabet) from {@code from};
         * a position inside the last run read gets its end without reading again, so anchors inside one long word
         * cost one read of it in all.
         */
        private int wordRun(int from) {
            if (runFrom >= 0 && from >= runFrom && from <= runEnd) {
                return runEnd;
            }
            runFrom = from;
            runEnd = run(from, SecretPatterns::isWordCharOrDash, n);
            return runEnd;
        }

        private int run(int from, CharPredicate body, int max) {
            int limit = (int) Math.min(n, (long) from + max);
            int i = from;
            while (i < limit && body.test(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private int skipSpaces(int from) {
            return run(from, SecretPatterns::isSpace, n);
        }

        private boolean wordStart(int start) {
            return start == 0 || !isWordChar(text.charAt(start - 1));
        }

        private boolean isWord(int at) {
            return at < n && isWordChar(text.charAt(at));
        }
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }

    static boolean isWordChar(char c) {
        return alnum(c) || c == '_';
    }

    private static boolean isWordCharOrDash(char c) {
        return isWordChar(c) || c == '-';
    }

    private static boolean alnum(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean upperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean base64Url(char c) {
        return isWordCharOrDash(c);
    }

    private static boolean schemeChar(char c) {
        return alnum(c) || c == '+' || c == '.' || c == '-';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean headerValueChar(char c) {
        return !isSpace(c) && c != '"' && c != '\'' && c != ',' && c != ';';
    }

    private static boolean cookieNameChar(char c) {
        return !isSpace(c) && c != '=' && c != ';' && c != '"' && c != '\'';
    }

    private static boolean cookieValueChar(char c) {
        return !isSpace(c) && c != ';' && c != '"' && c != '\'';
    }
}
