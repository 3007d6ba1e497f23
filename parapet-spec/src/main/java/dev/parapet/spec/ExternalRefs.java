package dev.parapet.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.spi.SpecFetcher;
import dev.parapet.spi.SpecWarning;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps the parser off the network. Walks a spec and every document it refers to before swagger-parser sees them:
 * relative files of a local spec are read, documents at other URLs are fetched only through the engine's
 * {@link SpecFetcher} (scope and {@code --spec-host}), and a document fetched from a URL may not refer to local
 * files. Each reference that is not followed becomes a {@link SpecWarning} at its JSON pointer.
 * {@link #sanitisedCopy} then writes what was read to a directory, references rewritten to the copies and the
 * refused ones removed, so the parser resolves local files only. Bounded: {@value #MAX_DOCUMENTS} documents, of
 * them {@value #MAX_FETCHES} fetched, and {@value #MAX_WARNINGS} warnings. Stateless and thread-safe.
 */
final class ExternalRefs {

    private static final int MAX_DOCUMENTS = 100;
    private static final int MAX_FETCHES = 20;
    private static final int MAX_WARNINGS = 50;
    /** SnakeYAML's 3 MB default is too small for large specs; the file size cap bounds what reaches here. */
    private static final int MAX_CODE_POINTS = 64 << 20;
    private static final ObjectMapper YAML = yamlMapper();

    /**
     * swagger-parser refuses YAML longer than SnakeYAML's default of 3 MiB code points (and then says only that the
     * document is not OpenAPI); such documents are converted to JSON here first.
     */
    static final int PARSER_YAML_LIMIT = 3 << 20;

    /**
     * What a walk read: each document by its URI ({@code file:} or {@code http(s):}), the main one first; the
     * warnings; whether any reference was refused or fetched (the parser must then read a copy); and why the main
     * document could not be read ({@code ""} when it was).
     */
    record Walk(Map<URI, JsonNode> documents, List<SpecWarning> warnings, boolean needsCopy, String mainError) {
    }

    private ExternalRefs() {
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(50);
        return new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    /** Whether {@code content} is YAML (not JSON) too long for the parser to read itself. */
    static boolean largeYaml(String content) {
        if (content.length() <= PARSER_YAML_LIMIT / 2) {
            return false;
        }
        int i = 0;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return i < content.length() && content.charAt(i) != '{'
                && content.codePointCount(0, content.length()) > PARSER_YAML_LIMIT;
    }

    /** {@code yaml} as JSON text, read with a limit large enough for any spec the size cap lets through. */
    static String toJson(String yaml) throws IOException {
        return new ObjectMapper().writeValueAsString(YAML.readTree(yaml));
    }

    /**
     * Walks from the main document at {@code main} ({@code file:} URI of a local spec, or the URL a fetched one came
     * from, with its {@code content}); {@code content} null means read the file.
     */
    static Walk walk(URI main, String content, SpecFetcher fetcher) {
        Map<URI, JsonNode> documents = new LinkedHashMap<>();
        Map<URI, String> fetched = new LinkedHashMap<>();
        List<SpecWarning> warnings = new ArrayList<>();
        Set<URI> refused = new HashSet<>();
        boolean[] copy = {false};
        int[] dropped = {0};
        String mainError = "";
        Deque<URI> queue = new ArrayDeque<>(List.of(main));
        if (content != null) {
            fetched.put(main, content);
        }
        while (!queue.isEmpty() && documents.size() < MAX_DOCUMENTS) {
            URI doc = queue.removeFirst();
            if (documents.containsKey(doc)) {
                continue;
            }
            JsonNode tree;
            try {
                tree = read(doc, fetched.get(doc));
            } catch (IOException | RuntimeException e) {
                if (doc.equals(main)) {
                    mainError = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines()
                            .findFirst().orElse("");
                }
                continue;
            }
            if (tree == null) {
                continue;
            }
            documents.put(doc, tree);
            String where = doc.equals(main) ? "" : "in " + display(main, doc) + "#";
            visit(tree, ref -> {
                URI target = target(doc, ref.value());
                if (target == null || target.equals(doc) || documents.containsKey(target)
                        || fetched.containsKey(target) || queue.contains(target)) {
                    if (target == null) {
                        copy[0] = true;
                        warn(warnings, dropped, where, ref.pointer(), "reference " + ref.value()
                                + " is not a valid URI reference and was not followed");
                    }
                    return;
                }
                String why = refusal(doc, target, refused, fetched, fetcher);
                if (why.isEmpty()) {
                    queue.addLast(target);
                    copy[0] |= !isFile(target);
                } else {
                    copy[0] = true;
                    warn(warnings, dropped, where, ref.pointer(), "reference to " + ref.value() + " was not "
                            + "followed: " + why);
                }
            });
        }
        if (dropped[0] > 0) {
            warnings.add(new SpecWarning("", dropped[0] + " more references were not followed"));
        }
        return new Walk(documents, warnings, copy[0], mainError);
    }

    /** {@code ""} when {@code target} may be read (fetching it now if it is a URL); otherwise why not. */
    private static String refusal(URI from, URI target, Set<URI> refused, Map<URI, String> fetched,
                                  SpecFetcher fetcher) {
        if (isFile(target)) {
            return isFile(from) ? "" : "a document fetched from a URL may not refer to local files";
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https documents are fetched";
        }
        if (refused.contains(target)) {
            return "it was refused before";
        }
        if (fetched.size() >= MAX_FETCHES) {
            refused.add(target);
            return "a spec may bring in at most " + MAX_FETCHES + " documents from URLs";
        }
        SpecFetcher.Result result = fetcher.fetch(target);
        if (result instanceof SpecFetcher.Result.Document d) {
            fetched.put(target, d.text());
            return "";
        }
        refused.add(target);
        return ((SpecFetcher.Result.Refused) result).reason();
    }

    private static void warn(List<SpecWarning> warnings, int[] dropped, String where, String pointer, String message) {
        if (warnings.size() >= MAX_WARNINGS) {
            dropped[0]++;
            return;
        }
        warnings.add(where.isEmpty() ? new SpecWarning(pointer, message)
                : new SpecWarning("", where + pointer + ": " + message));
    }

    /**
     * Writes the walked documents under {@code dir}, references to walked documents pointing at their copies and
     * every other external reference removed. Returns the copy of the main document.
     */
    static Path sanitisedCopy(Walk walk, Path dir) throws IOException {
        Map<URI, Path> copies = new LinkedHashMap<>();
        Path root = commonRoot(walk.documents().keySet().stream().filter(ExternalRefs::isFile)
                .map(Path::of).toList());
        int n = 0;
        for (URI doc : walk.documents().keySet()) {
            copies.put(doc, isFile(doc) && root != null
                    ? dir.resolve("local").resolve(root.relativize(Path.of(doc)).toString()).normalize()
                    : dir.resolve("remote").resolve("doc" + n++ + ".json"));
        }
        for (var e : walk.documents().entrySet()) {
            JsonNode tree = e.getValue().deepCopy();
            URI doc = e.getKey();
            Path copy = copies.get(doc);
            visit(tree, ref -> {
                URI target = target(doc, ref.value());
                if (target != null && target.equals(doc)) {
                    return;
                }
                Path to = target == null ? null : copies.get(target);
                if (to == null) {
                    ref.holder().remove("$ref");
                } else {
                    String fragment = ref.value().contains("#") ? ref.value().substring(ref.value().indexOf('#')) : "";
                    ref.holder().put("$ref", copy.getParent().relativize(to).toString() + fragment);
                }
            });
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, new ObjectMapper().writeValueAsString(tree), StandardCharsets.UTF_8);
        }
        return copies.values().iterator().next();
    }

    /** The document a reference names, its fragment dropped; the referring document for {@code #…}; null if invalid. */
    private static URI target(URI from, String ref) {
        if (ref.startsWith("#")) {
            return from;
        }
        try {
            URI r = new URI(ref);
            URI resolved = from.resolve(r);
            return new URI(resolved.getScheme(), resolved.getSchemeSpecificPart(), null).normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isFile(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    private static String display(URI main, URI doc) {
        if (isFile(main) && isFile(doc)) {
            return Path.of(main).getParent().relativize(Path.of(doc)).toString();
        }
        return doc.toString();
    }

    private static Path commonRoot(List<Path> files) {
        Path root = null;
        for (Path f : files) {
            Path d = f.getParent();
            if (root == null) {
                root = d;
            }
            while (!d.startsWith(root)) {
                root = root.getParent();
            }
        }
        return root;
    }

    /** The document's tree from {@code content}, else from its file; null when the file is not a regular file. */
    private static JsonNode read(URI doc, String content) throws IOException {
        if (content != null) {
            return YAML.readTree(content);
        }
        if (!isFile(doc) || !Files.isRegularFile(Path.of(doc))) {
            return null;
        }
        return YAML.readTree(Files.readString(Path.of(doc), StandardCharsets.UTF_8));
    }

    /** A {@code $ref} met in a walk: the object holding it, its pointer and its value. */
    private record Ref(ObjectNode holder, String pointer, String value) {
    }

    /** Every {@code $ref} in the tree, depth-first, with an explicit stack so deep nesting cannot overflow. */
    private static void visit(JsonNode root, Consumer<Ref> onRef) {
        Deque<Map.Entry<String, JsonNode>> stack = new ArrayDeque<>();
        stack.push(Map.entry("", root));
        while (!stack.isEmpty()) {
            var top = stack.pop();
            JsonNode node = top.getValue();
            if (node instanceof ObjectNode object) {
                JsonNode ref = object.get("$ref");
                if (ref != null && ref.isTextual()) {
                    onRef.accept(new Ref(object, top.getKey() + "/$ref", ref.asText()));
                }
                object.properties().forEach(p -> stack.push(Map.entry(top.getKey() + "/"
                        + Pointers.escape(p.getKey()), p.getValue())));
            } else if (node != null && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    stack.push(Map.entry(top.getKey() + "/" + i, node.get(i)));
                }
            }
        }
    }
}
