package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.SqlValueProber.BooleanProof;
import dev.parapet.checks.inputvalidation.SqlValueProber.DelayProof;
import dev.parapet.checks.inputvalidation.SqlValueProber.ErrorProof;
import dev.parapet.checks.inputvalidation.SqlValueProber.Sent;
import dev.parapet.checks.support.Snippets;
import dev.parapet.checks.support.WriteAwareProbe;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.InputPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the one finding {@link SqlValueInjectionCheck} reports for an input point from the proofs it has. Severity:
 * CRITICAL and CONFIRMED when the answers follow the injected condition (the database's rows can then be read
 * condition by condition); HIGH and FIRM on an error text or a delay alone. The first exchange is the decisive one
 * (the quote's error, else the true condition's answer, else the delay), so its {@code curl} shows the weakness.
 * Immutable; one instance per finding.
 */
final class SqlValueFindings {

    static final String REMEDIATION = """
            Never paste request values into SQL text: send every value as a bound parameter, and escape LIKE \
            wildcards in search text. Node (pg / Knex / Sequelize):
            ```js
            await pool.query('SELECT id, name FROM products WHERE name ILIKE $1', ['%' + escapeLike(q) + '%']);
            knex('products').whereILike('name', `%${escapeLike(q)}%`);   // never knex.raw(`... '${q}'`)
            ```
            Python: `cur.execute("SELECT ... WHERE username = ?", (username,))` (sqlite3), SQLAlchemy `text(":u")` \
            with bind parameters, Django's ORM or `cursor.execute(sql, [value])`, never f-strings or `%` on SQL. \
            Java: `PreparedStatement` / JdbcTemplate with `?`, JPA `setParameter`, never string-built JPQL. \
            Ruby: `where(name: q)` or `where("name = ?", q)`. Also parse numeric ids as numbers before use, \
            answer database errors with a generic message, and give the application's database role only the \
            rights it needs.""";

    private final InputPoint point;
    private final WriteAwareProbe probe;
    private final Sent baseline;
    private final Optional<Sent> again;

    SqlValueFindings(InputPoint point, WriteAwareProbe probe, Sent baseline, Optional<Sent> again) {
        this.point = point;
        this.probe = probe;
        this.baseline = baseline;
        this.again = again;
    }

    Finding finding(Sent quote, Optional<ErrorProof> error, Optional<BooleanProof> booleans,
                    Optional<DelayProof> delay) {
        List<SqlErrorTexts.Match> matches = error.map(ErrorProof::errors)
                .orElseGet(() -> SqlValueInjectionCheck.TEXTS.in(quote.exchange().body()));
        Optional<DatabaseEngine> engine = SqlErrorTexts.engine(matches);
        List<String> wrappers = SqlErrorTexts.wrappers(matches);
        String db = engine.map(DatabaseEngine::displayName).orElse("database not identified")
                + (wrappers.isEmpty() ? "" : ", through " + String.join(", ", wrappers));
        List<String> parts = new ArrayList<>();
        List<String> how = new ArrayList<>();
        Finding.Builder b = Finding.builder(SqlValueInjectionCheck.DESCRIPTOR.id(),
                SqlValueInjectionCheck.DESCRIPTOR.category());
        error.ifPresent(e -> {
            how.add("error-based");
            parts.add(probe.label(e.quote().value()) + " -> " + e.quote().exchange().status() + " "
                    + Snippets.oneLine(e.errors().getFirst().text(), 70));
            parts.add(probe.label(e.control().value()) + " -> " + e.control().exchange().status()
                    + " without that error");
            b.exchange(e.quote().exchange()).exchange(e.control().exchange());
        });
        booleans.ifPresent(t -> {
            how.add("boolean-based (" + t.context().name().toLowerCase(Locale.ROOT) + " context)");
            parts.add(probe.label(t.truthy().value()) + " -> " + t.truthy().exchange().status()
                    + " like the original (" + Snippets.oneLine(t.truthy().exchange().body(), 50) + ")");
            parts.add(probe.label(t.falsy().value()) + " -> " + t.falsy().exchange().status() + " unlike it ("
                    + Snippets.oneLine(t.falsy().exchange().body(), 30) + ")");
            parts.add("repeated with " + t.repeatTruthy().value() + " / " + t.repeatFalsy().value()
                    + "; the original answered twice alike");
            b.exchange(t.truthy().exchange()).exchange(t.falsy().exchange()).exchange(t.repeatTruthy().exchange())
                    .exchange(t.repeatFalsy().exchange());
        });
        delay.ifPresent(d -> {
            how.add("time-based (" + d.delay().engine().displayName() + ")");
            parts.add(probe.label(d.slow().value()) + " took " + seconds(d.slow()) + ", without the delay "
                    + seconds(d.control()) + ", with 3 s " + seconds(d.slower()));
            b.exchange(d.slow().exchange()).exchange(d.control().exchange()).exchange(d.slower().exchange());
        });
        parts.add(Math.min(1, parts.size()), "database: " + db);
        parts.add("baseline " + probe.label(point.value()) + " -> " + baseline.exchange().status());
        boolean confirmed = booleans.isPresent();
        b.severity(confirmed ? Severity.CRITICAL : Severity.HIGH)
                .confidence(confirmed ? Confidence.CONFIRMED : Confidence.FIRM)
                .title("SQL injection in the " + point.describe() + " (" + String.join(", ", how) + "; "
                        + engine.map(DatabaseEngine::displayName).orElse("database not identified") + ")")
                .endpoint(new Endpoint(point.operation().method(), point.operation().uri(), point.operation().source()))
                .parameter(point.name()).discriminator(point.location().id())
                .evidence(Snippets.join(parts))
                .exchange(baseline.exchange())
                .remediation(REMEDIATION).references(SqlValueInjectionCheck.DESCRIPTOR.references())
                .tags(SqlValueInjectionCheck.DESCRIPTOR.tags())
                .tag(Finding.TAG_CONTAINER_ESCAPE).tag("stage:entry");
        again.ifPresent(a -> b.exchange(a.exchange()));
        engine.ifPresent(e -> b.tag(e.tag()));
        return b.build();
    }

    private static String seconds(Sent s) {
        return String.format(Locale.ROOT, "%.1f s", s.exchange().elapsed().toMillis() / 1000.0);
    }
}
