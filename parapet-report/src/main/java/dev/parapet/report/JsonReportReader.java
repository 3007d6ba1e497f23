package dev.parapet.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.AttackPath;
import dev.parapet.model.AuthSummary;
import dev.parapet.model.Category;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.Finding;
import dev.parapet.model.Grade;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScanStats;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;
import dev.parapet.model.SpecSummary;
import dev.parapet.model.AuthSummary;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads what {@link JsonRenderer} writes back into a {@link ScanReport}. Accepts any 1.x document: fields added in
 * later minor versions are ignored, as are derived fields ({@code findingCounts}, category titles) and the gate.
 * Thread-safe.
 */
final class JsonReportReader {

    /** The schema major version this reader understands. */
    static final int MAJOR = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReportReader() {
    }

    static ScanReport read(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("not a Parapet JSON report: the text is empty");
        }
        try {
            return read(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ScanReport read(java.io.Reader json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the report", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("not a Parapet JSON report: the text is empty");
        }
        return read(tree);
    }

    private static ScanReport read(JsonNode tree) {
        JsonNodes root = JsonNodes.root(tree);
        String schema = root.text("schemaVersion");
        checkSchema(schema);
        return new ScanReport(schema, root.text("scanId"), root.text("parapetVersion"), root.text("target"),
                root.id("mode", ScanMode.class, JsonIds::of), root.id("context", ScanContext.class, JsonIds::of),
                root.parsed("startedAt", Instant::parse), Duration.ofMillis(root.number("durationMillis")),
                root.bool("complete"), root.text("incompleteReason"), score(root.object("score")),
                root.objects("findings").stream().map(JsonReportReader::finding).toList(),
                root.objects("attackPaths").stream().map(JsonReportReader::attackPath).toList(),
                root.objects("checks").stream().map(JsonReportReader::checkRun).toList(),
                root.objects("endpoints").stream().map(JsonReportReader::endpoint).toList(),
                root.texts("apiDocuments"), stats(root.object("stats")), spec(root.optionalObject("spec")),
                auth(root), JsonCoverage.read(root.optionalObject("coverage")), JsonWrites.read(root),
                JsonVerdict.read(root.optionalObject("verdict")));
    }

    /** The {@code auth} object, present only when credentials were supplied. */
    private static AuthSummary auth(JsonNodes root) {
        if (!root.has("auth")) {
            return AuthSummary.NONE;
        }
        JsonNodes n = root.object("auth");
        return new AuthSummary(n.id("state", AuthSummary.State.class, JsonIds::of), n.integer("identities"),
                n.number("authenticatedRequests"), n.text("detail"));
    }

    private static void checkSchema(String schema) {
        String[] parts = schema.split("\\.", -1);
        int major;
        try {
            major = Integer.parseInt(parts[0]);
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schemaVersion: '" + schema + "' is not of the form MAJOR.MINOR");
        }
        if (major > MAJOR) {
            throw new IllegalArgumentException("this report uses schema " + schema + ", written by a newer Parapet; "
                    + "this version reads schema " + MAJOR + ".x: upgrade Parapet to read it");
        }
        if (major < MAJOR) {
            throw new IllegalArgumentException("this report uses schema " + schema + ", which this version no longer "
                    + "reads (it reads " + MAJOR + ".x)");
        }
    }

    private static ScoreCard score(JsonNodes n) {
        List<CategoryScore> categories = new ArrayList<>();
        for (JsonNodes c : n.objects("categories")) {
            boolean assessed = c.bool("assessed");
            Integer score = c.integerOrNull("score");
            if (assessed != (score != null)) {
                throw new IllegalArgumentException(c.path() + ": score must be present exactly when assessed is true");
            }
            categories.add(new CategoryScore(c.id("category", Category.class, JsonIds::of), assessed, score,
                    c.decimal("weight"), c.integer("findings"), c.text("reason")));
        }
        return new ScoreCard(n.integerOrNull("score"), n.id("grade", Grade.class, JsonIds::of), n.text("gradeCap"),
                categories);
    }

    private static Finding finding(JsonNodes n) {
        List<Reference> refs = n.objects("references").stream()
                .map(r -> new Reference(r.id("kind", Reference.Kind.class, JsonIds::of), r.text("id"), r.text("url")))
                .toList();
        return new Finding(n.text("checkId"), n.id("category", Category.class, JsonIds::of),
                n.id("severity", Severity.class, JsonIds::of), n.id("confidence", Confidence.class, JsonIds::of),
                n.text("title"), endpoint(n.object("endpoint")), n.text("parameter"), n.text("evidence"),
                n.objects("exchanges").stream().map(JsonReportReader::exchange).toList(), n.text("curl"),
                n.text("remediation"), refs, new HashSet<>(n.texts("tags")), n.text("fingerprint"));
    }

    private static Exchange exchange(JsonNodes n) {
        JsonNodes req = n.object("request");
        HttpRequestRecord request = new HttpRequestRecord(req.text("method"), req.parsed("url", URI::create),
                headers(req.object("headers")), req.text("body"));
        JsonNodes res = n.objectOrNull("response");
        HttpResponseRecord response = res == null ? null : new HttpResponseRecord(res.integer("status"),
                headers(res.object("headers")), res.text("body"), res.number("bodyBytes"), res.bool("truncated"),
                res.text("tlsProtocol"));
        ExchangeOutcome outcome = n.id("outcome", ExchangeOutcome.class, JsonIds::of);
        if ((outcome == ExchangeOutcome.ANSWERED) != (response != null)) {
            throw new IllegalArgumentException(n.path() + ": response must be present exactly when outcome is "
                    + "answered");
        }
        return new Exchange(request, response, outcome, n.text("error"), Duration.ofMillis(n.number("elapsedMillis")),
                n.integer("redirects"));
    }

    private static Headers headers(JsonNodes n) {
        List<Headers.Field> fields = new ArrayList<>();
        for (String name : n.names()) {
            n.texts(name).forEach(v -> fields.add(new Headers.Field(name, v)));
        }
        return new Headers(fields);
    }

    private static Endpoint endpoint(JsonNodes n) {
        return new Endpoint(n.text("method"), n.parsed("url", URI::create),
                n.id("source", Endpoint.Source.class, JsonIds::of));
    }

    private static AttackPath attackPath(JsonNodes n) {
        return new AttackPath(n.text("title"), n.id("severity", Severity.class, JsonIds::of), n.texts("steps"),
                n.text("narrative"));
    }

    private static CheckRun checkRun(JsonNodes n) {
        return new CheckRun(n.text("checkId"), n.id("category", Category.class, JsonIds::of),
                n.id("status", CheckStatus.class, JsonIds::of), n.text("reason"), n.integer("findings"),
                n.integer("requests"), n.integer("refusedOverBudget"), Duration.ofMillis(n.number("elapsedMillis")),
                n.has("budget") ? n.integer("budget") : n.integer("requests"),
                n.has("inputsApplicable") ? n.integer("inputsApplicable") : 0,
                n.has("inputsTested") ? n.integer("inputsTested") : 0);
    }

    /** Absent in reports written before the spec summary was added: those scans read as having had no spec. */
    private static SpecSummary spec(JsonNodes n) {
        if (n == null) {
            return SpecSummary.NONE;
        }
        return new SpecSummary(n.text("source"), n.text("version"), n.integer("documented"), n.integer("discovered"),
                n.integer("tested"), n.integer("skipped"), n.texts("warnings"));
    }

    private static ScanStats stats(JsonNodes n) {
        return new ScanStats(n.number("requestsSent"), n.number("probesShared"), n.number("throttled"),
                n.number("refusedOutOfScope"), n.number("transportErrors"), n.number("endpointsDiscovered"));
    }
}
