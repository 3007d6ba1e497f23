package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SqlValueInjectionCheck} appends to an input's original value, loaded from
 * {@code checks/sql-value-injection/probes.json}; the error texts it reads are {@link SqlErrorTexts}. Immutable once
 * loaded; safe to share between threads. Loading refuses any value that could write, lock or stack a statement
 * ({@link #UNSAFE}), and any delay that is not inside an uncorrelated subquery of at most {@link #MAX_DELAY_SECONDS}.
 */
record SqlValueProbes(String quote, List<Control> controls, List<BooleanContext> booleans, List<Delay> delays,
                      List<SqlErrorTexts.EngineError> engineErrors, List<SqlErrorTexts.WrapperError> wrapperErrors) {

    /** The longest delay a time probe asks for, in seconds: long enough to stand out, short enough to be polite. */
    static final int MAX_DELAY_SECONDS = 3;

    /**
     * Tokens no value may contain: statement separators, comments, data or schema changes, locks, file access and
     * out-of-band calls. A target's driver may run stacked statements, so nothing beyond one expression is sent.
     */
    static final com.google.re2j.Pattern UNSAFE = com.google.re2j.Pattern.compile("(?i);|--|/\\*|#|\\b(?:drop|insert|"
            + "update|delete|alter|create|truncate|grant|revoke|copy|lock|exec|execute|call|into|set|merge|replace|"
            + "waitfor|benchmark|pg_terminate_backend|pg_cancel_backend|load_file|outfile|dumpfile|utl_http|"
            + "dbms_pipe|xp_\\w+)\\b");

    /** Where a condition sits in the statement. */
    enum Context { NUMERIC, STRING, LIKE }

    /** A balanced suffix a SQL parser accepts where the quote broke the statement. */
    record Control(String suffix, boolean numericOnly) {
    }

    /** A condition that holds and one that does not, appended to the original value. */
    record Pair(String truthy, String falsy) {
    }

    /** The pairs of one context; the first screens, the others repeat it. */
    record BooleanContext(Context context, boolean numericOnly, List<Pair> pairs) {
    }

    /** A bounded delay for one engine and context; {@code {seconds}} stands for the delay. */
    record Delay(DatabaseEngine engine, Context context, String suffix) {
        String lasting(int seconds) {
            if (seconds < 0 || seconds > MAX_DELAY_SECONDS) {
                throw new IllegalArgumentException("delay of " + seconds + " s is out of bounds");
            }
            return suffix.replace("{seconds}", Integer.toString(seconds));
        }
    }

    static SqlValueProbes load() {
        SqlValueProbes p = CheckData.load("sql-value-injection", "probes.json", SqlValueProbes.class);
        for (String value : p.allSuffixes()) {
            if (UNSAFE.matcher(value).find()) {
                throw new IllegalStateException("unsafe SQL probe value in probes.json: " + value);
            }
        }
        for (Delay d : p.delays()) {
            if (!d.suffix().contains("(SELECT ") || !d.suffix().contains("{seconds}")) {
                throw new IllegalStateException("a delay must sit in a subquery and take {seconds}: " + d.suffix());
            }
        }
        return p;
    }

    /** Every suffix the check may send, delays at their longest. */
    List<String> allSuffixes() {
        List<String> out = new ArrayList<>(List.of(quote));
        controls.forEach(c -> out.add(c.suffix()));
        booleans.forEach(b -> b.pairs().forEach(pair -> {
            out.add(pair.truthy());
            out.add(pair.falsy());
        }));
        delays.forEach(d -> out.add(d.lasting(MAX_DELAY_SECONDS)));
        return out;
    }

    /** The controls for an original value, numeric or not. */
    List<Control> controlsFor(boolean numeric) {
        return controls.stream().filter(c -> numeric || !c.numericOnly()).toList();
    }

    /** The boolean contexts for an original value, the one the screen uses first. */
    List<BooleanContext> booleansFor(boolean numeric) {
        List<BooleanContext> out = new ArrayList<>(booleans.stream().filter(b -> numeric || !b.numericOnly()).toList());
        out.sort(java.util.Comparator.comparingInt(b -> b.context() == (numeric ? Context.NUMERIC : Context.STRING)
                ? 0 : 1));
        return out;
    }

    /** Whether {@code value} is a plain number, so numeric contexts are tried. */
    static boolean numeric(String value) {
        return !value.isEmpty() && value.matches("-?\\d{1,18}(?:\\.\\d{1,9})?");
    }
}
