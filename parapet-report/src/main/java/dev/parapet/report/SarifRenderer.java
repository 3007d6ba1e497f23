package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.Reference;
import dev.parapet.model.ScanReport;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a report as a SARIF 2.1.0 log with one run, for code-scanning dashboards (GitHub code scanning reads it
 * through {@code upload-sarif}). Every installed check is a rule ({@link SarifRules}), each finding a result with the
 * Parapet fingerprint as its partial fingerprint so dashboards track it across scans. A result is placed where
 * GitHub can show it ({@link SarifLocations}): the operation's line in the API description file when the scan read
 * one, else a path relative to the target's origin (base id {@code TARGET}); its exact URL is in its properties.
 * Stateless.
 */
final class SarifRenderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The key of the Parapet fingerprint in {@code partialFingerprints}; versioned in case its recipe changes. */
    static final String FINGERPRINT_KEY = "parapetFingerprint/v1";

    private SarifRenderer() {
    }

    /** GitHub keeps at most this many tags of a rule. */
    static final int MAX_TAGS = 20;

    static String render(ScanReport r, RenderOptions options) {
        SarifRules rules = SarifRules.of(r, CheckCatalogue.orInstalled(options.catalogue()));
        SarifLocations locations = SarifLocations.of(r, options.specFile());
        ObjectNode root = JsonRenderer.NODES.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Parapet");
        driver.put("version", r.parapetVersion());
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.rules().forEach(rule -> ruleNodes.add(SarifRuleWriter.rule(rule)));
        ArrayNode taxonomies = SarifRuleWriter.taxonomies(rules);
        if (!taxonomies.isEmpty()) {
            run.set("taxonomies", taxonomies);
        }
        ObjectNode bases = locations.originalUriBaseIds();
        if (!bases.isEmpty()) {
            run.set("originalUriBaseIds", bases);
        }
        run.set("invocations", JsonRenderer.NODES.arrayNode().add(invocation(r, rules)));
        run.putObject("automationDetails").put("id", "parapet/" + host(r.target()) + "/" + r.scanId());
        ArrayNode results = run.putArray("results");
        r.findings().forEach(f -> results.add(result(f, rules, locations)));
        ObjectNode props = run.putObject("properties");
        props.put("target", r.target());
        props.put("scanId", r.scanId());
        props.put("mode", r.mode().id());
        props.put("context", r.context().id());
        if (r.verdict().graded()) {
            if (r.score().score() == null) {
                props.putNull("score");
            } else {
                props.put("score", r.score().score());
            }
            props.put("grade", r.score().grade().name());
        } else {
            // an ungraded scan's score is provisional: no grade for a dashboard to pick up
            props.putNull("score");
            props.putNull("grade");
        }
        props.set("verdict", JsonVerdict.write(r.verdict()));
        props.put("complete", r.complete());
        return JsonRenderer.pretty(root);
    }

    private static ObjectNode invocation(ScanReport r, SarifRules rules) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        node.put("executionSuccessful", r.complete());
        node.put("startTimeUtc", r.startedAt().toString());
        node.put("endTimeUtc", r.startedAt().plus(r.duration()).toString());
        ArrayNode notes = JsonRenderer.NODES.arrayNode();
        if (!r.complete()) {
            notes.addObject().put("level", "warning").putObject("message")
                    .put("text", "incomplete scan: " + r.incompleteReason());
        }
        if (!r.verdict().graded()) {
            notes.addObject().put("level", "warning").putObject("message")
                    .put("text", "not graded: " + r.verdict().line());
        }
        for (CheckRun c : r.checks()) {
            if (c.status() == CheckStatus.ERRORED || c.status() == CheckStatus.INTERRUPTED) {
                ObjectNode n = notes.addObject();
                n.put("level", c.status() == CheckStatus.ERRORED ? "error" : "warning");
                n.putObject("message").put("text", c.checkId() + " " + c.status().id()
                        + (c.reason().isEmpty() ? "" : ": " + c.reason()));
                n.putObject("associatedRule").put("id", c.checkId()).put("index", rules.indexOf().get(c.checkId()));
            }
        }
        if (!notes.isEmpty()) {
            node.set("toolExecutionNotifications", notes);
        }
        return node;
    }

    private static ObjectNode result(Finding f, SarifRules rules, SarifLocations locations) {
        ObjectNode node = JsonRenderer.NODES.objectNode();
        node.put("ruleId", f.checkId());
        node.put("ruleIndex", rules.indexOf().get(f.checkId()));
        node.put("kind", "fail");
        node.put("level", SarifRules.level(f.severity()));
        node.putObject("message").put("text", f.title() + " (" + f.endpoint().display() + ")");
        ObjectNode location = node.putArray("locations").addObject();
        location.set("physicalLocation", locations.physical(f));
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", f.endpoint().display());
        logical.put("fullyQualifiedName", f.endpoint().method() + " " + f.endpoint().uri());
        logical.put("kind", "resource");
        node.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        if (!f.exchanges().isEmpty()) {
            SarifExchangeWriter.write(f.exchanges().getFirst(), node);
        }
        ObjectNode props = node.putObject("properties");
        props.put("method", f.endpoint().method());
        props.put("url", f.endpoint().uri().toString());
        props.put("severity", f.severity().id());
        props.put("confidence", f.confidence().id());
        props.put("category", f.category().id());
        props.put("parameter", f.parameter());
        props.put("evidence", f.evidence());
        props.put("remediation", RemediationText.plain(f.remediation()));
        props.put("curl", f.curl());
        ArrayNode tags = props.putArray("tags");
        f.sortedTags().forEach(tags::add);
        return node;
    }

    /**
     * Tags GitHub code scanning understands: {@code security} (which makes it read {@code security-severity}), the
     * category, CWE and OWASP entries, then the check's own tags; at most {@link #MAX_TAGS}.
     */
    static List<String> tags(SarifRules.Rule rule) {
        Set<String> tags = new LinkedHashSet<>(List.of("security", rule.category().id()));
        for (Reference ref : rule.references()) {
            switch (ref.kind()) {
                case CWE -> tags.add("external/cwe/" + ref.id().toLowerCase(Locale.ROOT));
                case OWASP_API -> tags.add("external/owasp-api/" + ref.id().replaceFirst("^OWASP ", ""));
                case OTHER -> { }
            }
        }
        tags.addAll(rule.tags());
        return tags.stream().limit(MAX_TAGS).toList();
    }

    private static String host(String target) {
        try {
            String host = URI.create(target).getHost();
            return host == null ? "target" : host;
        } catch (IllegalArgumentException e) {
            return "target";
        }
    }
}
