package dev.parapet.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.AttackPath;
import dev.parapet.model.AuthSummary;
import dev.parapet.model.CategoryScore;
import dev.parapet.model.CheckRun;
import dev.parapet.model.ScanReport;
import dev.parapet.model.ScanStats;
import dev.parapet.model.ScoreCard;
import dev.parapet.model.Severity;
import dev.parapet.model.SpecSummary;
import dev.parapet.score.GateVerdict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the JSON report (schema in {@code docs/output.md}) from an explicitly built tree: every field name is
 * written here, in a fixed order, so the output is deterministic and a model refactor cannot rename a field.
 * Pretty-printed with two-space indentation and {@code \n} line ends, and ends with a newline. The document is
 * streamed ({@link #write}): findings, the part that grows with what the target answered, are built and written
 * one at a time. Thread-safe.
 */
final class JsonRenderer {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(printer());

    private JsonRenderer() {
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** The report as text; see {@link #write} for the streaming form the files use. */
    static String render(ScanReport r, Optional<GateVerdict> gate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(r, gate, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the report to {@code out} (UTF-8, ending with a newline) as it goes: each finding's subtree is built
     * and written in turn, so memory holds one finding's tree at a time, never the whole document. {@code out} is
     * flushed, not closed.
     */
    static void write(ScanReport r, Optional<GateVerdict> gate, OutputStream out) throws IOException {
        ObjectNode root = skeleton(r, gate);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(printer());
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getKey().equals("findings")) {
                    g.writeArrayFieldStart("findings");
                    for (var f : r.findings()) {
                        g.writeTree(JsonFindingWriter.finding(f));
                    }
                    g.writeEndArray();
                } else {
                    g.writeFieldName(field.getKey());
                    g.writeTree(field.getValue());
                }
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** Every field in its place; {@code findings} is an empty array that {@link #write} fills as it writes. */
    private static ObjectNode skeleton(ScanReport r, Optional<GateVerdict> gate) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", ScanReport.SCHEMA_VERSION);
        root.put("scanId", r.scanId());
        root.put("parapetVersion", r.parapetVersion());
        root.put("target", r.target());
        root.put("mode", JsonIds.of(r.mode()));
        root.put("context", JsonIds.of(r.context()));
        root.put("startedAt", r.startedAt().toString());
        root.put("durationMillis", millis(r.duration()));
        root.put("complete", r.complete());
        root.put("incompleteReason", r.incompleteReason());
        root.set("verdict", JsonVerdict.write(r.verdict()));
        root.set("score", score(r.score()));
        ObjectNode counts = root.putObject("findingCounts");
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            counts.put(JsonIds.of(s), r.count(s));
        }
        root.putArray("findings");
        ArrayNode paths = root.putArray("attackPaths");
        r.attackPaths().forEach(p -> paths.add(attackPath(p)));
        ArrayNode checks = root.putArray("checks");
        r.checks().forEach(c -> checks.add(checkRun(c)));
        ArrayNode endpoints = root.putArray("endpoints");
        r.endpoints().forEach(e -> endpoints.add(JsonFindingWriter.endpoint(e)));
        ArrayNode docs = root.putArray("apiDocuments");
        r.apiDocuments().forEach(docs::add);
        root.set("spec", spec(r.spec()));
        root.set("coverage", JsonCoverage.write(r.coverage()));
        root.set("writes", JsonWrites.write(r.writes()));
        root.set("stats", stats(r.stats()));
        if (r.auth().state() != AuthSummary.State.NONE) {
            root.set("auth", auth(r.auth()));
        }
        gate.ifPresent(g -> {
            ObjectNode node = root.putObject("gate");
            node.put("passed", g.passed());
            ArrayNode reasons = node.putArray("reasons");
            g.reasons().forEach(reasons::add);
        });
        return root;
    }

    /** {@code tree} pretty-printed as every JSON output of Parapet is, ending with a newline. */
    static String pretty(ObjectNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    private static ObjectNode score(ScoreCard card) {
        ObjectNode node = NODES.objectNode();
        if (card.score() == null) {
            node.putNull("score");
        } else {
            node.put("score", card.score());
        }
        node.put("grade", JsonIds.of(card.grade()));
        node.put("gradeCap", card.gradeCap());
        ArrayNode categories = node.putArray("categories");
        for (CategoryScore c : card.categories()) {
            ObjectNode cat = categories.addObject();
            cat.put("category", JsonIds.of(c.category()));
            cat.put("title", c.category().title());
            cat.put("owaspApi", c.category().owaspApi());
            cat.put("assessed", c.assessed());
            if (c.score() == null) {
                cat.putNull("score");
            } else {
                cat.put("score", c.score());
            }
            cat.put("weight", c.weight());
            cat.put("findings", c.findings());
            cat.put("reason", c.reason());
        }
        return node;
    }

    private static ObjectNode attackPath(AttackPath p) {
        ObjectNode node = NODES.objectNode();
        node.put("title", p.title());
        node.put("severity", JsonIds.of(p.severity()));
        ArrayNode steps = node.putArray("steps");
        p.steps().forEach(steps::add);
        node.put("narrative", p.narrative());
        return node;
    }

    private static ObjectNode checkRun(CheckRun c) {
        ObjectNode node = NODES.objectNode();
        node.put("checkId", c.checkId());
        node.put("category", JsonIds.of(c.category()));
        node.put("status", JsonIds.of(c.status()));
        node.put("reason", c.reason());
        node.put("findings", c.findings());
        node.put("requests", c.requests());
        node.put("refusedOverBudget", c.refusedOverBudget());
        node.put("budget", c.budget());
        node.put("inputsApplicable", c.inputsApplicable());
        node.put("inputsTested", c.inputsTested());
        node.put("elapsedMillis", millis(c.elapsed()));
        return node;
    }

    private static ObjectNode spec(SpecSummary s) {
        ObjectNode node = NODES.objectNode();
        node.put("source", s.source());
        node.put("version", s.version());
        node.put("documented", s.documented());
        node.put("discovered", s.discovered());
        node.put("tested", s.tested());
        node.put("skipped", s.skipped());
        ArrayNode warnings = node.putArray("warnings");
        s.warnings().forEach(warnings::add);
        return node;
    }

    private static ObjectNode stats(ScanStats s) {
        ObjectNode node = NODES.objectNode();
        node.put("requestsSent", s.requestsSent());
        node.put("probesShared", s.probesShared());
        node.put("throttled", s.throttled());
        node.put("refusedOutOfScope", s.refusedOutOfScope());
        node.put("transportErrors", s.transportErrors());
        node.put("endpointsDiscovered", s.endpointsDiscovered());
        return node;
    }

    /** Written only when credentials were supplied; an anonymous scan has no {@code auth} object. */
    private static ObjectNode auth(AuthSummary a) {
        ObjectNode node = NODES.objectNode();
        node.put("state", JsonIds.of(a.state()));
        node.put("identities", a.identities());
        node.put("authenticatedRequests", a.authenticatedRequests());
        node.put("detail", a.detail());
        return node;
    }

    static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }
}
