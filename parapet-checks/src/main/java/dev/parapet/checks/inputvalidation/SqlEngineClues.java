package dev.parapet.checks.inputvalidation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the answers to one parameter's probes say about the database behind it, and the resulting fingerprint.
 * Strongest first: rows from an engine-specific catalog, then a version banner, then error texts. A
 * PostgreSQL-dialect answer becomes CockroachDB only with CockroachDB-specific proof ({@code crdb_internal} rows or
 * banner). Not thread-safe: one instance per parameter, used by one thread.
 */
final class SqlEngineClues {

    /** The engine named and the reason, for evidence; {@code engine} is empty when nothing named one. */
    record Fingerprint(Optional<DatabaseEngine> engine, String basis) {
        String displayName() {
            return engine.map(DatabaseEngine::displayName).orElse("database not identified");
        }
    }

    private final Set<DatabaseEngine> fromCatalogs = EnumSet.noneOf(DatabaseEngine.class);
    private final Set<DatabaseEngine> fromBanners = EnumSet.noneOf(DatabaseEngine.class);
    private final Set<DatabaseEngine> fromErrors = EnumSet.noneOf(DatabaseEngine.class);
    private final List<String> notes = new ArrayList<>();
    private boolean cockroachRuledOut;

    void catalogAnswered(SqlIdentifierProbes.Catalog catalog) {
        fromCatalogs.addAll(catalog.proves());
        if (catalog.fingerprintOnly()) {
            notes.add(catalog.identifier() + " answered");
        }
    }

    void catalogMissing(SqlIdentifierProbes.Catalog catalog) {
        if (catalog.proves().contains(DatabaseEngine.COCKROACHDB)) {
            cockroachRuledOut = true;
            notes.add(catalog.identifier() + " does not exist");
        }
    }

    void read(SqlIdentifierProbes probes, String body) {
        probes.databaseErrors(body).forEach(e -> fromErrors.add(e.engine()));
        probes.banner(body).ifPresent(b -> {
            if (fromBanners.add(b.engine())) {
                java.util.regex.Matcher m = b.pattern().matcher(body);
                notes.add("banner '" + (m.find() ? m.group() : b.engine().displayName()) + "'");
            }
        });
    }

    /** The engine suggested so far, to choose which catalogs to try; empty while nothing points to one. */
    Optional<DatabaseEngine> hint() {
        return fingerprint().engine();
    }

    Fingerprint fingerprint() {
        Optional<DatabaseEngine> engine = Optional.empty();
        if (fromCatalogs.contains(DatabaseEngine.COCKROACHDB) || fromBanners.contains(DatabaseEngine.COCKROACHDB)) {
            engine = Optional.of(DatabaseEngine.COCKROACHDB);
        } else {
            for (Set<DatabaseEngine> source : List.of(fromCatalogs, fromBanners, fromErrors)) {
                if (!source.isEmpty()) {
                    engine = source.stream().findFirst();
                    break;
                }
            }
        }
        List<String> why = new ArrayList<>(notes);
        engine.filter(e -> !fromErrors.isEmpty()).ifPresent(e -> why.add(fromErrors.stream().findFirst()
                .map(DatabaseEngine::displayName).orElseThrow() + "-dialect error texts"));
        if (engine.filter(DatabaseEngine::postgresFamily).isPresent() && !cockroachRuledOut
                && engine.get() != DatabaseEngine.COCKROACHDB && !fromBanners.contains(DatabaseEngine.POSTGRESQL)) {
            why.add("PostgreSQL-compatible, CockroachDB not ruled out");
        }
        return new Fingerprint(engine, String.join(", ", why));
    }
}
