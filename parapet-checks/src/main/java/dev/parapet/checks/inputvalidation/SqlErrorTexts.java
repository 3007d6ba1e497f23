package dev.parapet.checks.inputvalidation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The database error texts {@link SqlValueInjectionCheck} recognises in answers: those of the engines themselves and
 * those ORMs and data-access layers wrap them in, compiled once with RE2/J, so a hostile body cannot make matching
 * backtrack. Bodies are read with JSON-escaped quotes undone and at most {@link #MAX_READ} characters. Immutable and
 * thread-safe.
 */
final class SqlErrorTexts {

    /** How much of a body is read: error texts come early, and a huge answer must not cost a scan its time. */
    static final int MAX_READ = 262_144;

    /** An engine's own error text, as the data file holds it. */
    record EngineError(DatabaseEngine engine, String pattern) {
    }

    /** The error an ORM or data-access layer wraps a database error in; it names no engine by itself. */
    record WrapperError(String wrapper, String pattern) {
    }

    /**
     * One rule that matched: {@code engine} is empty for a wrapper's text; {@code rule} tells two matches of the same
     * rule apart from matches of different ones; {@code text} is what matched.
     */
    record Match(int rule, Optional<DatabaseEngine> engine, String wrapper, String text) {
    }

    private record Rule(Optional<DatabaseEngine> engine, String wrapper, Pattern pattern) {
    }

    private final List<Rule> rules;

    private SqlErrorTexts(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static SqlErrorTexts of(SqlValueProbes probes) {
        List<Rule> rules = new ArrayList<>();
        probes.engineErrors().forEach(e -> rules.add(new Rule(Optional.of(e.engine()), "", Pattern.compile(e.pattern()))));
        probes.wrapperErrors().forEach(w -> rules.add(new Rule(Optional.empty(), w.wrapper(),
                Pattern.compile(w.pattern()))));
        return new SqlErrorTexts(rules);
    }

    /** Every rule that matches {@code body}, in the data file's order, each with its first match. */
    List<Match> in(String body) {
        String text = (body.length() > MAX_READ ? body.substring(0, MAX_READ) : body).replace("\\\"", "\"");
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            Matcher m = r.pattern().matcher(text);
            if (m.find()) {
                out.add(new Match(i, r.engine(), r.wrapper(), m.group()));
            }
        }
        return out;
    }

    /** The matches in {@code body} of rules that match none of {@code others}. */
    List<Match> freshIn(String body, List<String> others) {
        Set<Integer> seen = new LinkedHashSet<>();
        others.forEach(o -> in(o).forEach(m -> seen.add(m.rule())));
        return in(body).stream().filter(m -> !seen.contains(m.rule())).toList();
    }

    /** The engine the matches name first, if any. */
    static Optional<DatabaseEngine> engine(List<Match> matches) {
        return matches.stream().flatMap(m -> m.engine().stream()).findFirst();
    }

    /** The wrappers the matches name ({@code Sequelize}, {@code Hibernate/JDBC}), in order, without repeats. */
    static List<String> wrappers(List<Match> matches) {
        return matches.stream().map(Match::wrapper).filter(w -> !w.isEmpty()).distinct().toList();
    }
}
