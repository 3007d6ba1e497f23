package dev.parapet.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.model.Category;
import dev.parapet.model.Reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes SARIF rules (with help text, GitHub's {@code security-severity} and relationships to CWE and OWASP API
 * Top 10 entries) and the two taxonomies those relationships point into. Stateless.
 */
final class SarifRuleWriter {

    static final String CWE = "CWE";
    static final String OWASP = "OWASP API Security Top 10";

    private SarifRuleWriter() {
    }

    static ObjectNode rule(SarifRules.Rule rule) {
        Category category = rule.category();
        ObjectNode node = JsonRenderer.NODES.objectNode();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.putObject("shortDescription").put("text", Text.oneLine(rule.title()));
        String owasp = category.owaspApi().isEmpty() ? "" : " (OWASP " + category.owaspApi() + ")";
        String summary = Text.oneLine(rule.summary());
        node.putObject("fullDescription").put("text", (summary.isEmpty() ? Text.oneLine(rule.title()) : summary)
                + " Category: " + category.title() + owasp + ".");
        ObjectNode help = node.putObject("help");
        help.put("text", helpText(rule));
        help.put("markdown", helpMarkdown(rule));
        node.putObject("defaultConfiguration").put("level", SarifRules.level(rule.severity()));
        ArrayNode relationships = JsonRenderer.NODES.arrayNode();
        for (Reference ref : rule.references()) {
            taxon(ref).ifPresent(t -> {
                ObjectNode rel = relationships.addObject();
                ObjectNode target = rel.putObject("target");
                target.put("id", t.id());
                target.putObject("toolComponent").put("name", t.taxonomy());
                rel.putArray("kinds").add("superset");
            });
        }
        if (!relationships.isEmpty()) {
            node.set("relationships", relationships);
        }
        ObjectNode props = node.putObject("properties");
        props.put("category", category.id());
        props.put("severity", rule.severity().id());
        ArrayNode tags = props.putArray("tags");
        SarifRenderer.tags(rule).forEach(tags::add);
        props.put("security-severity", SarifRules.securitySeverity(rule.severity()));
        props.put("precision", "high");
        return node;
    }

    private static String helpText(SarifRules.Rule rule) {
        StringBuilder sb = new StringBuilder();
        sb.append(rule.remediation().isBlank() ? "No remediation is given for this check."
                : "Remediation: " + RemediationText.plain(rule.remediation()));
        List<Reference> refs = rule.references();
        if (!refs.isEmpty()) {
            sb.append("\n\nReferences:");
            refs.forEach(r -> sb.append("\n- ").append(r.id()).append(r.url().isEmpty() ? "" : ": " + r.url()));
        }
        return sb.toString();
    }

    /** The remediation is the check's own Markdown (code fences included), which GitHub renders as it is. */
    private static String helpMarkdown(SarifRules.Rule rule) {
        StringBuilder sb = new StringBuilder("**Remediation.** ");
        sb.append(rule.remediation().isBlank() ? "No remediation is given for this check."
                : rule.remediation().strip());
        List<Reference> refs = rule.references();
        if (!refs.isEmpty()) {
            sb.append("\n\n**References**\n");
            refs.forEach(r -> sb.append("\n- ").append(MarkdownText.link(r.id(), r.url())));
        }
        return sb.toString();
    }

    /** A taxon: its id within its taxonomy ({@code 89} in CWE, {@code API8:2023} in OWASP). */
    record Taxon(String taxonomy, String id, String url) {
    }

    static Optional<Taxon> taxon(Reference ref) {
        return switch (ref.kind()) {
            case CWE -> Optional.of(new Taxon(CWE, ref.id().replaceFirst("^CWE-", ""), ref.url()));
            case OWASP_API -> Optional.of(new Taxon(OWASP, ref.id().replaceFirst("^OWASP ", ""),
                    ref.url()));
            case OTHER -> Optional.empty();
        };
    }

    /** The CWE and OWASP taxonomies, each with the taxa the rules point at (empty ones left out). */
    static ArrayNode taxonomies(SarifRules rules) {
        Map<String, Map<String, Taxon>> byTaxonomy = new LinkedHashMap<>();
        byTaxonomy.put(CWE, new TreeMap<>());
        byTaxonomy.put(OWASP, new TreeMap<>());
        for (SarifRules.Rule rule : rules.rules()) {
            for (Reference ref : rule.references()) {
                taxon(ref).ifPresent(t -> byTaxonomy.get(t.taxonomy()).putIfAbsent(t.id(), t));
            }
        }
        ArrayNode out = JsonRenderer.NODES.arrayNode();
        for (Map.Entry<String, Map<String, Taxon>> e : byTaxonomy.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            ObjectNode taxonomy = out.addObject();
            taxonomy.put("name", e.getKey());
            if (e.getKey().equals(CWE)) {
                taxonomy.put("organization", "MITRE");
                taxonomy.put("informationUri", "https://cwe.mitre.org/");
            } else {
                taxonomy.put("organization", "OWASP");
                taxonomy.put("version", "2023");
                taxonomy.put("informationUri", "https://owasp.org/API-Security/editions/2023/en/0x11-t10/");
            }
            ArrayNode taxa = taxonomy.putArray("taxa");
            for (Taxon t : e.getValue().values()) {
                ObjectNode taxon = taxa.addObject();
                taxon.put("id", t.id());
                if (!t.url().isEmpty()) {
                    taxon.put("helpUri", t.url());
                }
            }
        }
        return out;
    }
}
