package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.List;

/**
 * What {@link NoSqlOperatorInjectionCheck} sends, loaded from {@code checks/nosql-operator-injection/operators.json}.
 * Loading refuses any operator but read-only match conditions ({@link #READ_ONLY}). Immutable; safe to share.
 */
record NoSqlOperators(String literal, Operator matchAll, List<Operator> alsoMatchAll, Operator matchNone) {

    /** The only operators sent: comparisons and a pattern, never updates or server-side code. */
    static final List<String> READ_ONLY = List.of("$ne", "$gt", "$gte", "$lt", "$regex", "$eq", "$in", "$nin");

    /** One operator: its JSON object for a JSON field, and the value after {@code name[op]=} in a query. */
    record Operator(String operator, String json, String query) {
    }

    static NoSqlOperators load() {
        NoSqlOperators o = CheckData.load("nosql-operator-injection", "operators.json", NoSqlOperators.class);
        for (Operator op : o.all()) {
            if (!READ_ONLY.contains(op.operator()) || !op.json().contains("\"" + op.operator() + "\"")) {
                throw new IllegalStateException("operators.json may only send read-only operators: " + op);
            }
        }
        return o;
    }

    List<Operator> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(matchAll, matchNone), alsoMatchAll.stream())
                .toList();
    }

    String json(Operator op) {
        return op.json().replace("{literal}", literal);
    }

    String query(Operator op) {
        return op.query().replace("{literal}", literal);
    }
}
