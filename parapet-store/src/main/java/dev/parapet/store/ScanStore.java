package dev.parapet.store;

import dev.parapet.model.CategoryScore;
import dev.parapet.model.Finding;
import dev.parapet.model.Grade;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.Verdict;
import dev.parapet.report.JsonReport;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scan history: saves reports and reads them back, lists and compares them. Thread-safe: every operation takes
 * its own connection, and {@link #save} writes a scan and all its rows in one transaction, so concurrent scans
 * (threads or processes) never see each other's half-written rows.
 *
 * <p>The full report is kept as the JSON of {@link JsonReport} (already redacted), so any stored scan can be
 * rendered again in any format; the scalar columns and the findings table exist for listing and comparing.
 */
public final class ScanStore {

    /** A prefix of an id shorter than this is not looked up (too likely to be ambiguous or a typo). */
    static final int MIN_PREFIX = 4;
    /** Serialises schema checks and migrations within this process; Flyway serialises them across processes. */
    private static final Object MIGRATION_LOCK = new Object();
    /** How much of a stored report's start {@link #history} reads for its verdict (it comes before the findings). */
    private static final int VERDICT_HEAD_CHARS = 16_384;

    /** PostgreSQL timeouts in seconds: opening the TCP connection, the whole login, and waiting for any answer. */
    static final int PG_CONNECT_TIMEOUT_SECONDS = 5;
    static final int PG_LOGIN_TIMEOUT_SECONDS = 5;
    static final int PG_SOCKET_TIMEOUT_SECONDS = 30;

    private final StoreLocation location;
    private final Jdbi jdbi;

    private ScanStore(StoreLocation location, Jdbi jdbi) {
        this.location = location;
        this.jdbi = jdbi;
    }

    /**
     * Opens the store at {@code location}, creating the embedded database's directory and bringing the schema up to
     * date. Cheap enough to call once per command; long-running adapters keep the instance.
     *
     * @throws StoreException when the database cannot be reached or read, or was written by a newer Parapet
     */
    public static ScanStore open(StoreLocation location) {
        DataSource dataSource = dataSource(location);
        synchronized (MIGRATION_LOCK) {
            withRetryWhileInUse(location, () -> Migrations.apply(dataSource, location));
        }
        return new ScanStore(location, Jdbi.create(dataSource));
    }

    public StoreLocation location() {
        return location;
    }

    /**
     * The store's database, for adapters that keep their own tables beside the history (the server's queue, keys
     * and tenants, migrated with the store's schema). Thread-safe; each use takes its own connection.
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Stores {@code report} under its scan id, in one transaction.
     *
     * @return the id to find it again by
     * @throws StoreException when it cannot be written (nothing of it is then stored)
     */
    public String save(ScanReport report) {
        return save(report, h -> {
        });
    }

    /**
     * Stores {@code report} and runs {@code alongside} in the same transaction, so an adapter can record what the
     * scan completes (a queued job's completion) atomically with it: when {@code alongside} throws, nothing of the
     * report is stored and the exception propagates.
     */
    public String save(ScanReport report, java.util.function.Consumer<Handle> alongside) {
        // The report goes through a temporary file, so its text is never one string in memory; the database reads
        // it as a character stream.
        try (ReportFile json = ReportFile.of(report)) {
            if (json.chars() > Integer.MAX_VALUE) {
                throw new StoreException("scan " + report.scanId() + " is too large to store (" + json.chars()
                        + " characters of JSON)");
            }
            withRetryWhileInUse(location, () -> jdbi.useTransaction(h -> {
                insert(h, report, json);
                alongside.accept(h);
            }));
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot prepare scan " + report.scanId() + " for the store " + location + ": "
                    + e.getMessage() + " (the report is staged in the temporary directory: check it is writable)", e);
        } catch (JdbiException e) {
            SQLException sql = StoreErrors.sqlCause(e);
            if (sql != null && "23505".equals(sql.getSQLState())) {
                throw new StoreException("scan " + report.scanId() + " is already stored in " + location, e);
            }
            throw StoreErrors.operation("store scan " + report.scanId(), location, e);
        }
        return report.scanId();
    }

    /**
     * The stored report with this id, or with the one id that starts with it (at least {@value #MIN_PREFIX}
     * characters).
     *
     * @throws StoreException when no scan or more than one matches
     */
    public ScanReport find(String idOrPrefix) {
        String id = resolveId(idOrPrefix);
        // read from the column's character stream: the text is parsed as it arrives, never first made one string
        return read("read scan " + id, h -> h.createQuery("SELECT report_json FROM scans WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> {
                    try (Reader json = rs.getCharacterStream("report_json")) {
                        return JsonReport.fromJson(json);
                    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
                        throw new StoreException("scan " + id + " in " + location + " cannot be read back: "
                                + e.getMessage(), e);
                    }
                }).one());
    }

    /** The full id for {@code idOrPrefix}; see {@link #find}. */
    public String resolveId(String idOrPrefix) {
        String wanted = idOrPrefix == null ? "" : idOrPrefix.strip();
        List<String> exact = read("look up scan " + wanted, h -> h.createQuery("SELECT id FROM scans WHERE id = :id")
                .bind("id", wanted).mapTo(String.class).list());
        if (!exact.isEmpty()) {
            return exact.getFirst();
        }
        List<String> matches = wanted.length() < MIN_PREFIX || !wanted.matches("[A-Za-z0-9-]+") ? List.of()
                : read("look up scan " + wanted, h -> h.createQuery(
                        "SELECT id FROM scans WHERE id LIKE :prefix ORDER BY id")
                .bind("prefix", wanted + "%").mapTo(String.class).list());
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.size() > 1) {
            throw new StoreException("scan id '" + wanted + "' is ambiguous: it starts " + matches.size()
                    + " stored scans (" + String.join(", ", matches.stream().limit(5).toList())
                    + "); type more of it");
        }
        throw new StoreException("no stored scan has the id '" + wanted + "' in " + location
                + " (run 'parapet history' to list stored scans and their ids)");
    }

    /**
     * Stored scans, newest first. {@code targetFilter} (null for all) keeps scans of that URL and of URLs below it.
     */
    public List<StoredScan> history(String targetFilter, int limit, int offset) {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and offset not negative");
        }
        return read("list scans", h -> {
            // The verdict is read from the head of the stored report, where it precedes the findings.
            StringBuilder sql = new StringBuilder("SELECT id, target, started_at, duration_ms, complete, mode, score, "
                    + "grade, SUBSTRING(report_json, 1, " + VERDICT_HEAD_CHARS + ") AS report_head FROM scans");
            String base = targetFilter == null ? null : targetFilter.strip().replaceAll("/+$", "");
            if (base != null) {
                sql.append(" WHERE target = :t OR target = :slash OR target LIKE :below ESCAPE '!'");
            }
            sql.append(" ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset");
            var query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            if (base != null) {
                query.bind("t", base).bind("slash", base + "/")
                        .bind("below", base.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
            }
            List<Row> rows = query.map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("target"),
                    rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms"),
                    rs.getBoolean("complete"), rs.getString("mode"), (Integer) rs.getObject("score", Integer.class),
                    Grade.valueOf(rs.getString("grade")), StoredVerdict.read(reader(rs.getString("report_head")))))
                    .list();
            Map<String, Map<Severity, Integer>> counts = severityCounts(h, rows.stream().map(Row::id).toList());
            return rows.stream().map(r -> new StoredScan(r.id, r.startedAt, r.target, r.mode, r.score, r.grade,
                    counts.getOrDefault(r.id, Map.of()), r.complete, Duration.ofMillis(r.durationMs), r.verdict))
                    .toList();
        });
    }

    /** Compares two stored scans; see {@link ScanDiff}. */
    public ScanDiff diff(String from, String to) {
        return ScanDiff.between(find(from), find(to));
    }

    private record Row(String id, String target, Instant startedAt, long durationMs, boolean complete, String mode,
                       Integer score, Grade grade, Optional<Verdict> verdict) {
    }

    private static Reader reader(String text) {
        return text == null ? null : new StringReader(text);
    }

    private static Map<String, Map<Severity, Integer>> severityCounts(Handle h, List<String> ids) {
        Map<String, Map<Severity, Integer>> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        h.createQuery("SELECT scan_id, severity, COUNT(*) AS n FROM findings WHERE scan_id IN (<ids>) "
                        + "GROUP BY scan_id, severity")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    counts.computeIfAbsent(rs.getString("scan_id"), k -> new EnumMap<>(Severity.class))
                            .put(Severity.parse(rs.getString("severity")), rs.getInt("n"));
                    return null;
                }).list();
        return counts;
    }

    private static void insert(Handle h, ScanReport r, ReportFile json) {
        List<String> findingsJson = json.findings();
        try (Reader text = json.reader()) {
            insertScan(h, r, json, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        insertRows(h, r, findingsJson);
    }

    private static void insertScan(Handle h, ScanReport r, ReportFile json, Reader text) {
        h.createUpdate("INSERT INTO scans (id, target, started_at, duration_ms, complete, incomplete_reason, mode, "
                        + "context, score, grade, requests, parapet_version, schema_version, stored_at, report_json) "
                        + "VALUES (:id, :target, :startedAt, :durationMs, :complete, :incompleteReason, :mode, "
                        + ":context, :score, :grade, :requests, :parapetVersion, :schemaVersion, :storedAt, :json)")
                .bind("id", r.scanId())
                .bind("target", clip(r.target(), 4096))
                .bindByType("startedAt", r.startedAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .bind("durationMs", r.duration().toMillis())
                .bind("complete", r.complete())
                .bind("incompleteReason", r.incompleteReason())
                .bind("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT))
                .bind("context", r.context().name().toLowerCase(java.util.Locale.ROOT))
                .bindByType("score", r.score().score(), Integer.class)
                .bind("grade", r.score().grade().name())
                .bind("requests", r.stats() == null ? 0L : requests(r))
                .bind("parapetVersion", clip(r.parapetVersion(), 64))
                .bind("schemaVersion", clip(r.schemaVersion(), 16))
                .bindByType("storedAt", OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.class)
                .bind("json", (Argument) (position, statement, ctx) ->
                        statement.setCharacterStream(position, text, (int) json.chars()))
                .execute();
    }

    private static void insertRows(Handle h, ScanReport r, List<String> findingsJson) {
        PreparedBatch categories = h.prepareBatch("INSERT INTO scan_categories (scan_id, category, assessed, score, "
                + "findings) VALUES (:scanId, :category, :assessed, :score, :findings)");
        for (CategoryScore c : r.score().categories()) {
            categories.bind("scanId", r.scanId()).bind("category", c.category().id()).bind("assessed", c.assessed())
                    .bindByType("score", c.score(), Integer.class).bind("findings", c.findings()).add();
        }
        if (!r.score().categories().isEmpty()) {
            categories.execute();
        }
        PreparedBatch findings = h.prepareBatch("INSERT INTO findings (scan_id, ordinal, fingerprint, check_id, "
                + "category, severity, confidence, title, endpoint, parameter, json) VALUES (:scanId, :ordinal, "
                + ":fingerprint, :checkId, :category, :severity, :confidence, :title, :endpoint, :parameter, :json)");
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            findings.bind("scanId", r.scanId()).bind("ordinal", i).bind("fingerprint", clip(f.fingerprint(), 128))
                    .bind("checkId", clip(f.checkId(), 128)).bind("category", f.category().id())
                    .bind("severity", f.severity().id()).bind("confidence", f.confidence().id())
                    .bind("title", f.title()).bind("endpoint", f.endpoint().display())
                    .bind("parameter", f.parameter()).bind("json", findingsJson.get(i)).add();
        }
        if (!r.findings().isEmpty()) {
            findings.execute();
        }
    }

    private static long requests(ScanReport r) {
        return r.stats().requestsSent();
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private <T> T read(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        try {
            Object[] result = new Object[1];
            withRetryWhileInUse(location, () -> result[0] = jdbi.withHandle(callback));
            @SuppressWarnings("unchecked")
            T t = (T) result[0];
            return t;
        } catch (JdbiException e) {
            throw StoreErrors.operation(what, location, e);
        }
    }

    /**
     * Runs {@code action}, retrying for up to ten seconds while another process holds the embedded database open
     * (H2 allows one process at a time; Parapet keeps it open only for the length of one operation).
     */
    private static void withRetryWhileInUse(StoreLocation location, Runnable action) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                action.run();
                return;
            } catch (RuntimeException e) {
                if (!StoreErrors.inUse(e) || System.nanoTime() > deadline) {
                    throw e instanceof StoreException || e instanceof JdbiException ? e
                            : StoreErrors.opening(location, e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw StoreErrors.opening(location, e);
                }
            }
        }
    }

    private static DataSource dataSource(StoreLocation location) {
        if (location.kind() == StoreLocation.Kind.H2) {
            Path file = location.h2File().orElse(null);
            if (file != null) {
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                } catch (IOException e) {
                    throw new StoreException("cannot create the directory for the scan store " + location + ": "
                            + e.getMessage() + " (set PARAPET_HOME to a writable directory, or use --db)", e);
                }
            }
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(location.jdbcUrl());
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(location.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw new StoreException("--db " + location + " is not a valid PostgreSQL URL: " + e.getMessage(), e);
        }
        // A database that accepts the connection and then says nothing must not hang the command: bounded TCP
        // connect, login and each read (a migration's longest statement takes well under a second), unless the
        // URL sets its own.
        String url = location.jdbcUrl();
        if (!url.contains("connectTimeout=")) {
            ds.setConnectTimeout(PG_CONNECT_TIMEOUT_SECONDS);
        }
        if (!url.contains("loginTimeout=")) {
            ds.setLoginTimeout(PG_LOGIN_TIMEOUT_SECONDS);
        }
        if (!url.contains("socketTimeout=")) {
            ds.setSocketTimeout(PG_SOCKET_TIMEOUT_SECONDS);
        }
        return ds;
    }
}
