package dev.parapet.checks.inputvalidation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The error texts of the stacks one query language runs on (LDAP filters, XPath expressions), each named by its
 * stack, compiled once with RE2/J so a hostile body cannot make matching backtrack. Bodies are read with
 * JSON-escaped quotes and slashes undone, at most {@link #MAX_READ} characters. Immutable and thread-safe.
 */
final class StackErrorTexts {

    /** How much of a body is read: error texts come early. */
    static final int MAX_READ = 262_144;

    /** One stack's error text, as a data file holds it. */
    record StackError(String stack, String pattern) {
    }

    /** A text that matched, with the stack it belongs to. */
    record Match(String stack, String text) {
    }

    private record Rule(String stack, Pattern pattern) {
    }

    private final List<Rule> rules;

    private StackErrorTexts(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static StackErrorTexts of(List<StackError> errors) {
        List<Rule> rules = new ArrayList<>();
        errors.forEach(e -> rules.add(new Rule(e.stack(), Pattern.compile(e.pattern()))));
        return new StackErrorTexts(rules);
    }

    /** The first rule that matches {@code body} and none of {@code others}. */
    Optional<Match> freshIn(String body, List<String> others) {
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(readable(body));
            if (m.find() && others.stream().noneMatch(o -> r.pattern().matcher(readable(o)).find())) {
                return Optional.of(new Match(r.stack(), m.group()));
            }
        }
        return Optional.empty();
    }

    private static String readable(String body) {
        return (body.length() > MAX_READ ? body.substring(0, MAX_READ) : body).replace("\\\"", "\"")
                .replace("\\/", "/").replace("\\u0027", "'");
    }
}
