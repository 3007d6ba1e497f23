package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.SqlIdentifierProbes.Catalog;
import dev.parapet.checks.inputvalidation.SqlIdentifierProbes.ErrorMatch;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.ProbeRequest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Probes one query parameter for a SQL identifier built from it. Order: the missing identifier (which also hints at
 * the engine), then read-only catalogs (table-like parameters only; {@code crdb_internal} last and only to tell
 * CockroachDB from PostgreSQL), then syntax breakers only when nothing else proved it. Stops as soon as the budget
 * runs out. Not thread-safe: one instance per parameter.
 */
final class SqlIdentifierProber {

    /** Whether the parameter names a table (catalogs are tried) or a column or direction (they are not). */
    enum Role { TABLE, COLUMN }

    /** The proof, strongest first. */
    enum ProofKind { CATALOG_ROWS, ERROR_NAMING_PROBE, DATABASE_ERROR }

    /** One probe value and what it got. */
    record Attempt(String value, Exchange exchange) {
    }

    /**
     * What proved it: {@code decisive} shows it, {@code detail} quotes the error or names the catalog,
     * {@code supporting} are further attempts worth showing, {@code note} a corroboration, possibly empty.
     */
    record Proof(ProofKind kind, Attempt decisive, String detail, List<Attempt> supporting, String note,
                 SqlEngineClues.Fingerprint fingerprint) {
    }

    private final SqlIdentifierProbes probes;
    private final CheckContext ctx;
    private final QueryParameters.Candidate candidate;
    private final Exchange baseline;
    private final SqlEngineClues clues = new SqlEngineClues();

    SqlIdentifierProber(SqlIdentifierProbes probes, CheckContext ctx, QueryParameters.Candidate candidate,
                        Exchange baseline) {
        this.probes = probes;
        this.ctx = ctx;
        this.candidate = candidate;
        this.baseline = baseline;
    }

    Optional<Proof> run(Role role) throws InterruptedException {
        clues.read(probes, baseline.body());
        Optional<Attempt> missing = send(role == Role.TABLE ? probes.missingTable() : probes.missingColumn());
        Optional<ErrorMatch> named = missing.flatMap(this::errorNamingProbe);
        if (role == Role.TABLE) {
            Optional<Proof> rows = catalogRows(missing);
            if (rows.isPresent()) {
                return rows;
            }
        }
        if (named.isPresent()) {
            String note = role == Role.COLUMN ? corroborate() : "";
            return Optional.of(new Proof(ProofKind.ERROR_NAMING_PROBE, missing.orElseThrow(), named.get().text(),
                    List.of(), note, clues.fingerprint()));
        }
        return syntaxBreakers();
    }

    private Optional<Proof> catalogRows(Optional<Attempt> missing) throws InterruptedException {
        Optional<DatabaseEngine> hint = clues.hint();
        for (Catalog c : probes.catalogs()) {
            if (c.fingerprintOnly() || hint.isPresent() && !c.triedFor().contains(hint.get())) {
                continue;
            }
            Optional<Attempt> a = send(c.identifier());
            if (a.isPresent() && hasRows(c, a.get())) {
                clues.catalogAnswered(c);
                if (clues.hint().filter(DatabaseEngine::postgresFamily).isPresent()) {
                    fingerprintOnlyCatalogs();
                }
                List<Attempt> supporting = missing.filter(m -> errorNamingProbe(m).isPresent()).map(List::of)
                        .orElse(List.of());
                return Optional.of(new Proof(ProofKind.CATALOG_ROWS, a.get(), c.identifier(), supporting, "",
                        clues.fingerprint()));
            }
        }
        if (missing.flatMap(this::errorNamingProbe).isPresent() && clues.hint().filter(DatabaseEngine::postgresFamily)
                .isPresent()) {
            fingerprintOnlyCatalogs();
        }
        return Optional.empty();
    }

    private void fingerprintOnlyCatalogs() throws InterruptedException {
        for (Catalog c : probes.catalogs()) {
            if (!c.fingerprintOnly()) {
                continue;
            }
            Optional<Attempt> a = send(c.identifier());
            if (a.isPresent() && hasRows(c, a.get())) {
                clues.catalogAnswered(c);
            } else if (a.isPresent() && probes.databaseErrors(a.get().exchange().body()).stream()
                    .anyMatch(e -> e.identifier().equalsIgnoreCase(c.identifier()))) {
                clues.catalogMissing(c);
            }
        }
    }

    /** The quoted original value: a SQL parser accepts it like the bare name, an allow-list would not. */
    private String corroborate() throws InterruptedException {
        for (String template : probes.corroborating()) {
            String value = SqlIdentifierProbes.fill(template, candidate.parameter().value());
            Optional<Attempt> a = send(value);
            if (a.isPresent() && a.get().exchange().response().isSuccess() && baseline.response().isSuccess()) {
                return candidate.parameter().name() + "=" + value + " answered " + a.get().exchange().status()
                        + " like the baseline";
            }
        }
        return "";
    }

    private Optional<Proof> syntaxBreakers() throws InterruptedException {
        for (String template : probes.syntaxBreakers()) {
            Optional<Attempt> a = send(SqlIdentifierProbes.fill(template, candidate.parameter().value()));
            if (a.isEmpty()) {
                continue;
            }
            Optional<ErrorMatch> named = errorNamingProbe(a.get());
            if (named.isPresent()) {
                return Optional.of(new Proof(ProofKind.ERROR_NAMING_PROBE, a.get(), named.get().text(), List.of(), "",
                        clues.fingerprint()));
            }
            List<String> before = probes.databaseErrors(baseline.body()).stream().map(ErrorMatch::text).toList();
            Optional<ErrorMatch> fresh = probes.databaseErrors(a.get().exchange().body()).stream()
                    .filter(e -> !before.contains(e.text())).findFirst();
            if (fresh.isPresent()) {
                return Optional.of(new Proof(ProofKind.DATABASE_ERROR, a.get(), fresh.get().text(), List.of(), "",
                        clues.fingerprint()));
            }
        }
        return Optional.empty();
    }

    private Optional<ErrorMatch> errorNamingProbe(Attempt a) {
        boolean baselineNamesIt = baseline.body().toLowerCase(Locale.ROOT).contains(probes.probeMarker());
        return baselineNamesIt ? Optional.empty() : probes.errorNamingProbe(a.exchange().body());
    }

    private boolean hasRows(Catalog c, Attempt a) {
        return a.exchange().response().isSuccess()
                && SqlIdentifierProbes.hasCatalogRows(c, a.exchange().body(), baseline.body());
    }

    /** Sends one probe value; empty when it is refused as unsafe, the budget is spent or nothing answered. */
    private Optional<Attempt> send(String value) throws InterruptedException {
        if (!SqlIdentifierProbes.isSafe(value) || ctx.remainingBudget() <= 0) {
            return Optional.empty();
        }
        Exchange e = ctx.probe(ProbeRequest.get(QueryParameters.withValue(candidate.uri(),
                candidate.parameter().name(), value)));
        if (!e.answered()) {
            return Optional.empty();
        }
        clues.read(probes, e.body());
        return Optional.of(new Attempt(value, e));
    }
}
