package dev.parapet.checks.authentication;

import dev.parapet.checks.support.CheckData;
import dev.parapet.model.Severity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Claim names that should not travel in a readable token ({@code claims.json}). Immutable, thread-safe. */
record SensitiveClaims(List<Rule> rules) {

    /** One kind of sensitive claim: a label for reports, the whole-name pattern, the severity of carrying it. */
    record Rule(String label, Pattern pattern, String severity) {
        Rule {
            pattern = Pattern.compile(pattern.pattern(), Pattern.CASE_INSENSITIVE);
            Severity.parse(severity);
        }

        Severity level() {
            return Severity.parse(severity);
        }
    }

    SensitiveClaims {
        rules = List.copyOf(rules);
    }

    static SensitiveClaims load() {
        return CheckData.load("jwt-weaknesses", "claims.json", SensitiveClaims.class);
    }

    Optional<Rule> match(String claim) {
        return rules.stream().filter(r -> r.pattern().matcher(claim).matches()).findFirst();
    }
}
