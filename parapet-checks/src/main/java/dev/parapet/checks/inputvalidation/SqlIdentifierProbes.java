package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link SqlIdentifierInjectionCheck} sends and how it reads the answers, loaded from
 * {@code checks/sql-identifier-injection/probes.json}. Immutable once loaded; safe to share between threads.
 * Loading refuses any probe value that could write, lock, sleep or stack a statement ({@link #UNSAFE}).
 */
record SqlIdentifierProbes(List<String> tableParameters, List<String> columnParameters,
                           List<String> tableishResponseKeys, Pattern identifierShape, String probeMarker,
                           String missingTable, String missingColumn, List<String> corroborating,
                           List<String> syntaxBreakers, List<Catalog> catalogs, List<ErrorSignature> errors,
                           List<Banner> banners) {

    /**
     * Tokens no probe value may contain: statement separators, comments, data or schema changes, locks and delays.
     * The target's driver may run stacked statements, so anything beyond a bare name is refused.
     */
    static final Pattern UNSAFE = Pattern.compile("(?i);|--|/\\*|#|\\b(?:drop|insert|update|delete|alter|create|"
            + "truncate|grant|revoke|copy|lock|exec|execute|call|into|set|pg_sleep|sleep|waitfor|delay|benchmark|"
            + "pg_terminate_backend|pg_cancel_backend|load_file|outfile|dumpfile|xp_\\w+)\\b");

    /** A read-only system catalog; its {@code keys} are column names every row of it carries. */
    record Catalog(String identifier, List<DatabaseEngine> triedFor, List<DatabaseEngine> proves,
                   boolean fingerprintOnly, List<String> keys) {
    }

    /** A database error text; {@code identifierGroup} is the group holding the named identifier, 0 for none. */
    record ErrorSignature(DatabaseEngine engine, Pattern pattern, int identifierGroup) {
    }

    /** A server version banner naming the engine. */
    record Banner(DatabaseEngine engine, Pattern pattern) {
    }

    /** One database error found in a response; {@code identifier} is empty when the error names none. */
    record ErrorMatch(DatabaseEngine engine, String text, String identifier) {
    }

    static SqlIdentifierProbes load() {
        SqlIdentifierProbes p = CheckData.load("sql-identifier-injection", "probes.json", SqlIdentifierProbes.class);
        for (String value : p.allProbeValues("name")) {
            if (!isSafe(value)) {
                throw new IllegalStateException("unsafe SQL probe value in probes.json: " + value);
            }
        }
        return p;
    }

    /** Every value the check may send for a parameter whose original value is {@code original}. */
    List<String> allProbeValues(String original) {
        List<String> out = new ArrayList<>(List.of(missingTable, missingColumn));
        corroborating.forEach(v -> out.add(fill(v, original)));
        syntaxBreakers.forEach(v -> out.add(fill(v, original)));
        catalogs.forEach(c -> out.add(c.identifier()));
        return out;
    }

    static boolean isSafe(String value) {
        return !UNSAFE.matcher(value).find();
    }

    static String fill(String template, String original) {
        return template.replace("{value}", original);
    }

    /** Database errors in {@code body}, JSON-escaped quotes undone first; the first match of each signature. */
    List<ErrorMatch> databaseErrors(String body) {
        String text = body.replace("\\\"", "\"");
        List<ErrorMatch> out = new ArrayList<>();
        for (ErrorSignature s : errors) {
            Matcher m = s.pattern().matcher(text);
            if (m.find()) {
                String identifier = s.identifierGroup() > 0 ? m.group(s.identifierGroup()) : "";
                out.add(new ErrorMatch(s.engine(), m.group(), identifier));
            }
        }
        return out;
    }

    /** The first error in {@code body} that names an identifier carrying the probe marker. */
    Optional<ErrorMatch> errorNamingProbe(String body) {
        String marker = probeMarker.toLowerCase(Locale.ROOT);
        return databaseErrors(body).stream()
                .filter(e -> e.identifier().toLowerCase(Locale.ROOT).contains(marker)).findFirst();
    }

    Optional<Banner> banner(String body) {
        return banners.stream().filter(b -> b.pattern().matcher(body).find()).findFirst();
    }

    /**
     * Whether {@code body} carries rows of {@code catalog}: every key of it appears as a quoted JSON key or a whole
     * word, and the baseline did not carry all of them already.
     */
    static boolean hasCatalogRows(Catalog catalog, String body, String baselineBody) {
        return containsAllKeys(catalog, body) && !containsAllKeys(catalog, baselineBody);
    }

    private static boolean containsAllKeys(Catalog catalog, String body) {
        return catalog.keys().stream().allMatch(k -> Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(k)
                + "(?![A-Za-z0-9_])").matcher(body).find());
    }
}
