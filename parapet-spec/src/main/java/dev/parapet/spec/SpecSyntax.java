package dev.parapet.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a document's syntax before swagger-parser sees it, so a document that is not JSON or YAML at all is refused
 * with its first problem (line and column) instead of a parser's stack trace, and a YAML alias bomb ("billion
 * laughs") is refused before anything expands it. YAML is composed into SnakeYAML's node graph, in which an alias
 * is a shared node, so composing costs the size of the text; the graph's expanded size is then counted with each
 * shared node counted once per use, stopping at {@link #MAX_EXPANDED_NODES}. Stateless and thread-safe.
 */
final class SpecSyntax {

    /**
     * Aliases to collections one document may hold: shared responses and schemas in hand-written specs use a few
     * dozen; a bomb needs many.
     */
    static final int MAX_COLLECTION_ALIASES = 500;
    /** Nodes the document may expand to: a 20,000-operation spec holds a few million; a bomb, billions. */
    static final long MAX_EXPANDED_NODES = 20_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecSyntax() {
    }

    /** The document's first syntax problem in one line, or empty when it reads as JSON or YAML within the limits. */
    static Optional<String> problem(String content) {
        String head = content.stripLeading();
        if (head.startsWith("{") || head.startsWith("[")) {
            return json(content);
        }
        return yaml(content);
    }

    private static Optional<String> json(String content) {
        try (var parser = JSON.createParser(content)) {
            while (parser.nextToken() != null) {
                // reading every token is the whole check; the tree is built later by the parser itself
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Optional.of("not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return Optional.of("not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static Optional<String> yaml(String content) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        // schemas nest: the default depth of 50 would refuse real specs
        options.setNestingDepthLimit(1000);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, OpenApiSpecLoader.MAX_FILE_BYTES));
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            return Optional.of("not valid YAML" + where + ": " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            return Optional.of("not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return Optional.of("the document is empty");
        }
        try {
            expanded(root, new IdentityHashMap<>(), new IdentityHashMap<>());
        } catch (TooLarge e) {
            return Optional.of("the YAML document expands its aliases past " + MAX_EXPANDED_NODES / 1_000_000
                    + " million nodes (an alias bomb?), so it was not read");
        }
        return Optional.empty();
    }

    /** Raised when the expansion passes the limit or an alias refers to a node that contains it. */
    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** The node's size once every alias is expanded; memoised per shared node, saturating at the limit. */
    private static long expanded(Node node, Map<Node, Long> sizes, Map<Node, Boolean> open) throws TooLarge {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (open.put(node, Boolean.TRUE) != null) {
            throw new TooLarge(); // a recursive alias expands forever
        }
        long size = 1;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                size = add(size, add(expanded(t.getKeyNode(), sizes, open), expanded(t.getValueNode(), sizes, open)));
            }
        } else if (node instanceof SequenceNode s) {
            for (Node child : s.getValue()) {
                size = add(size, expanded(child, sizes, open));
            }
        }
        open.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static long add(long a, long b) throws TooLarge {
        long sum = a + b;
        if (sum > MAX_EXPANDED_NODES) {
            throw new TooLarge();
        }
        return sum;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown problem";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
