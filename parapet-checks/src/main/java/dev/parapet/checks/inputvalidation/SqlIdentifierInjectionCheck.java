package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import java.util.function.Supplier;
import dev.parapet.checks.inputvalidation.SqlIdentifierProber.Proof;
import dev.parapet.checks.inputvalidation.SqlIdentifierProber.Role;
import dev.parapet.checks.support.Snippets;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds SQL identifiers (table, schema, sort column, direction) built from query parameters. Candidates are the
 * parameters of discovered URLs whose name looks like an identifier, whose bare-word value the answer names as a
 * table, or whose recorded answer already carried a database error. Each is compared with its baseline under
 * read-only probe values: a missing identifier, system catalogs, syntax breakers (see {@link SqlIdentifierProbes}).
 *
 * <p>Verdicts: catalog rows in a 2xx the baseline lacked are CRITICAL and CONFIRMED; a database error naming
 * Parapet's probe identifier is HIGH and FIRM; both carry {@code container-escape} and {@code stage:entry}. A
 * database syntax error absent from the baseline but naming nothing is MEDIUM and TENTATIVE. A status difference
 * alone (an allow-list's 400, a generic 500) is never reported. The engine is named in the title and evidence and
 * as a tag: {@code db:postgresql}, {@code db:cockroachdb}, {@code db:mysql}, {@code db:sqlite} or {@code db:mssql}.
 * Only GET with bare names is sent: nothing that writes, locks, sleeps or stacks statements. Stateless and
 * thread-safe.
 */
public final class SqlIdentifierInjectionCheck implements Check {

    private static final int MAX_PARAMETERS = 6;
    /** The fewest probes that can prove one parameter (missing identifier and one more). */
    private static final int MIN_PROBES_PER_PARAMETER = 2;

    static final String REMEDIATION = """
            Never build identifiers from input. Map the request value to a fixed identifier through an allow-list \
            and keep values in placeholders. Koa + pg:
            ```js
            const TABLES = new Set(['products', 'orders']);
            if (!TABLES.has(table)) ctx.throw(400, 'unknown table');
            const SORT = new Set(['name', 'price_cents']); // and ORDER from {asc, desc}
            await pool.query(`SELECT id, name FROM ${table} WHERE user_id = $1 ORDER BY ${sort}`, [userId]);
            ```
            Use pg-format's %I only for names that already passed the allow-list; grant the database role no \
            access to pg_catalog/information_schema/crdb_internal beyond what it needs.
            Java/JDBC: PreparedStatement for values, a Map from request value to column name for identifiers.
            Django: order_by() only with names from an allow-list; SQLAlchemy: text() with bindparams, \
            column objects chosen from a dict, never f-strings.""";

    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("sql-identifier-injection",
            Category.INPUT_VALIDATION, "SQL identifier built from request input",
            "Probes table-, schema-, sort- and column-like query parameters with read-only identifiers (a missing "
                    + "name, system catalogs, syntax breakers) and reports catalog rows or database errors naming "
                    + "the probe; fingerprints the database engine.",
            Severity.CRITICAL, List.of(89, 943), 40, Set.of("sql-injection", "injection"), REMEDIATION);

    private final Supplier<SqlIdentifierProbes> probes = CheckData.once(() -> SqlIdentifierProbes.load());

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return CheckOutcome.notApplicable("passive mode sends no probe values");
        }
        List<Finding> findings = new ArrayList<>();
        int probed = 0;
        for (QueryParameters.Candidate c : QueryParameters.candidates(ctx.inventory())) {
            Optional<Role> role = roleOf(c);
            if (role.isEmpty() || probed >= MAX_PARAMETERS || ctx.remainingBudget() < MIN_PROBES_PER_PARAMETER) {
                continue;
            }
            probed++;
            Exchange baseline = c.recorded().orElse(null);
            if (baseline == null) {
                baseline = ctx.probe(ProbeRequest.get(c.uri()));
            }
            if (!baseline.answered()) {
                continue;
            }
            Optional<Proof> proof = new SqlIdentifierProber(probes.get(), ctx, c, baseline).run(role.get());
            if (proof.isPresent()) {
                findings.add(finding(c, baseline, proof.get()));
            }
        }
        return CheckOutcome.findings(findings);
    }

    /** Table or column role by name, by a value the answer calls a table, or by a recorded database error. */
    Optional<Role> roleOf(QueryParameters.Candidate c) {
        String name = c.parameter().name().toLowerCase(Locale.ROOT);
        if (probes.get().tableParameters().contains(name)) {
            return Optional.of(Role.TABLE);
        }
        if (probes.get().columnParameters().contains(name)) {
            return Optional.of(Role.COLUMN);
        }
        String body = c.recorded().map(Exchange::body).orElse("");
        String value = c.parameter().value();
        if (probes.get().identifierShape().matcher(value).matches() && Pattern.compile("\"(?:"
                + String.join("|", probes.get().tableishResponseKeys()) + ")\"\\s*:\\s*\"" + Pattern.quote(value) + "\"",
                Pattern.CASE_INSENSITIVE).matcher(body).find()) {
            return Optional.of(Role.TABLE);
        }
        return probes.get().databaseErrors(body).isEmpty() ? Optional.empty() : Optional.of(Role.COLUMN);
    }

    private static Finding finding(QueryParameters.Candidate c, Exchange baseline, Proof p) {
        String param = c.parameter().name();
        String db = p.fingerprint().displayName();
        Exchange shown = p.decisive().exchange();
        String result = switch (p.kind()) {
            case CATALOG_ROWS -> shown.status() + " with rows of " + p.detail() + ": " + rowsSnippet(shown.body());
            case ERROR_NAMING_PROBE, DATABASE_ERROR -> shown.status() + " " + p.detail();
        };
        List<String> parts = new ArrayList<>();
        parts.add(param + "=" + p.decisive().value() + " -> " + result);
        parts.add("database: " + db + (p.fingerprint().basis().isEmpty() ? "" : " (" + p.fingerprint().basis() + ")"));
        parts.add("baseline " + param + "=" + c.parameter().value() + " -> " + baseline.status());
        if (!p.note().isEmpty()) {
            parts.add(p.note());
        }
        p.supporting().forEach(a -> parts.add(param + "=" + a.value() + " -> " + a.exchange().status()));
        Finding.Builder b = Finding.builder(DESCRIPTOR.id(), DESCRIPTOR.category())
                .endpoint(new Endpoint("GET", c.uri(), Endpoint.Source.DISCOVERED)).parameter(param)
                .evidence(Snippets.join(parts))
                .exchange(shown).exchanges(p.supporting().stream().map(SqlIdentifierProber.Attempt::exchange).toList())
                .exchange(baseline)
                .remediation(REMEDIATION).references(DESCRIPTOR.references()).tags(DESCRIPTOR.tags());
        p.fingerprint().engine().ifPresent(e -> b.tag(e.tag()));
        String on = " (" + db + ")";
        switch (p.kind()) {
            case CATALOG_ROWS -> b.severity(Severity.CRITICAL).confidence(Confidence.CONFIRMED)
                    .title("SQL identifier injection in '" + param + "' exposes system catalog " + p.detail() + on);
            case ERROR_NAMING_PROBE -> b.severity(Severity.HIGH).confidence(Confidence.FIRM)
                    .title("SQL identifier injection: '" + param + "' reaches the SQL text" + on);
            case DATABASE_ERROR -> b.severity(Severity.MEDIUM).confidence(Confidence.TENTATIVE)
                    .title("Possible SQL injection: a malformed '" + param + "' causes a database error" + on);
        }
        if (p.kind() != SqlIdentifierProber.ProofKind.DATABASE_ERROR) {
            b.tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:entry");
        }
        return b.build();
    }

    private static String rowsSnippet(String body) {
        int at = Math.max(0, body.indexOf('{', Math.max(0, body.indexOf('[')) ));
        return Snippets.oneLine(body.substring(at, Math.min(body.length(), at + 60)), 60);
    }
}
