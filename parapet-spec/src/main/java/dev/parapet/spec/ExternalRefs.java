package dev.parapet.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.spi.SpecWarning;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps the parser off the network. Walks a spec and the local files it refers to (relative {@code $ref}s, followed
 * as the parser would) and finds every reference that names another URL ({@code https://…}, {@code file:…}, any
 * scheme). Such a reference is never followed: it becomes a {@link SpecWarning} at its JSON pointer, and
 * {@link #sanitisedCopy} writes the spec's files to a directory with those references removed, so resolving the copy
 * can read local files only. Bounded: at most {@value #MAX_FILES} files and {@value #MAX_WARNINGS} warnings.
 * Stateless and thread-safe.
 */
final class ExternalRefs {

    private static final int MAX_FILES = 100;
    private static final int MAX_WARNINGS = 50;
    /** SnakeYAML's 3 MB default is too small for large specs; the body cap bounds what reaches here anyway. */
    private static final int MAX_CODE_POINTS = 64 << 20;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final ObjectMapper YAML = yamlMapper();

    /**
     * What a walk found: the files read (main first), each remote reference as a warning, and why the main file
     * could not be read ({@code ""} when it was).
     */
    record Walk(Map<Path, JsonNode> files, List<SpecWarning> warnings, int remote, String mainError) {
    }

    /**
     * swagger-parser refuses YAML longer than SnakeYAML's default of 3 MiB code points (and then says only that the
     * document is not OpenAPI); such documents are converted to JSON here first.
     */
    static final int PARSER_YAML_LIMIT = 3 << 20;

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

    private ExternalRefs() {
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(50);
        return new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    /**
     * Reads {@code main} and every local file reachable through relative references; files that cannot be read or
     * parsed are left to the parser, which reports them.
     */
    static Walk walk(Path main) {
        Map<Path, JsonNode> files = new LinkedHashMap<>();
        List<SpecWarning> warnings = new ArrayList<>();
        int[] remote = {0};
        String[] mainError = {""};
        Deque<Path> queue = new ArrayDeque<>(List.of(main.toAbsolutePath().normalize()));
        while (!queue.isEmpty() && files.size() < MAX_FILES) {
            Path file = queue.removeFirst();
            if (files.containsKey(file)) {
                continue;
            }
            JsonNode tree;
            try {
                tree = read(file);
            } catch (IOException | RuntimeException e) {
                if (files.isEmpty()) {
                    mainError[0] = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines()
                            .findFirst().orElse("");
                }
                continue;
            }
            if (tree == null) {
                continue;
            }
            files.put(file, tree);
            String where = file.equals(main.toAbsolutePath().normalize()) ? ""
                    : main.toAbsolutePath().normalize().getParent().relativize(file) + "#";
            visit(tree, "", ref -> {
                if (SCHEME.matcher(ref.value()).find()) {
                    remote[0]++;
                    if (warnings.size() < MAX_WARNINGS) {
                        warnings.add(new SpecWarning(where.isEmpty() ? ref.pointer() : "",
                                (where.isEmpty() ? "" : "in " + where + ref.pointer() + ": ") + "reference to "
                                        + ref.value() + " was not followed: Parapet never fetches documents a spec "
                                        + "refers to; download it next to the spec and refer to it by a relative path"));
                    }
                } else if (!ref.value().startsWith("#")) {
                    queue.addLast(target(file, ref.value()));
                }
            });
        }
        if (remote[0] > warnings.size()) {
            warnings.add(new SpecWarning("", (remote[0] - warnings.size()) + " more references to other URLs were "
                    + "not followed"));
        }
        return new Walk(files, warnings, remote[0], mainError[0]);
    }

    /**
     * The {@code $ref}s of a document read on its own (fetched from a URL): every one that leaves the document is
     * reported at its pointer, since nothing next to a fetched document is read.
     */
    static List<SpecWarning> outsideDocument(String content) {
        JsonNode tree;
        try {
            tree = YAML.readTree(content);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<SpecWarning> warnings = new ArrayList<>();
        int[] more = {0};
        visit(tree, "", ref -> {
            if (!ref.value().startsWith("#")) {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add(new SpecWarning(ref.pointer(), "reference to " + ref.value() + " was not followed: "
                            + "a spec read from a URL is read on its own; pass the spec and its files with "
                            + "--spec FILE"));
                } else {
                    more[0]++;
                }
            }
        });
        if (more[0] > 0) {
            warnings.add(new SpecWarning("", more[0] + " more references to other documents were not followed"));
        }
        return warnings;
    }

    /**
     * Writes the walked files under {@code dir}, keeping their layout relative to each other, with every reference to
     * another URL removed. Returns the copy of the main file.
     */
    static Path sanitisedCopy(Walk walk, Path dir) throws IOException {
        Path root = commonRoot(walk.files().keySet());
        Path mainCopy = null;
        for (var e : walk.files().entrySet()) {
            JsonNode tree = e.getValue().deepCopy();
            Path from = e.getKey();
            visit(tree, "", ref -> {
                if (SCHEME.matcher(ref.value()).find() || !ref.value().startsWith("#")
                        && !walk.files().containsKey(target(from, ref.value()))) {
                    // another URL, or a file the walk did not read: the parser must not reach either
                    ref.holder().remove("$ref");
                }
            });
            Path copy = dir.resolve(root.relativize(e.getKey()).toString()).normalize();
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, new ObjectMapper().writeValueAsString(tree), StandardCharsets.UTF_8);
            if (mainCopy == null) {
                mainCopy = copy;
            }
        }
        return mainCopy;
    }

    /** The file a relative reference names, its fragment dropped; the referring file itself for {@code #…}. */
    private static Path target(Path from, String ref) {
        String path = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        return path.isEmpty() ? from : from.getParent().resolve(path).normalize();
    }

    private static Path commonRoot(Iterable<Path> files) {
        Path root = null;
        for (Path f : files) {
            Path dir = f.getParent();
            if (root == null) {
                root = dir;
            }
            while (!dir.startsWith(root)) {
                root = root.getParent();
            }
        }
        return root;
    }

    /** The file's tree; null when it is not a regular file. */
    private static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A {@code $ref} met in a walk: the object holding it, its pointer and its value. */
    private record Ref(ObjectNode holder, String pointer, String value) {
    }

    /** Every {@code $ref} in the tree, depth-first, with an explicit stack so deep nesting cannot overflow. */
    private static void visit(JsonNode root, String pointer, java.util.function.Consumer<Ref> onRef) {
        Deque<Map.Entry<String, JsonNode>> stack = new ArrayDeque<>();
        stack.push(Map.entry(pointer, root));
        while (!stack.isEmpty()) {
            var top = stack.pop();
            JsonNode node = top.getValue();
            if (node instanceof ObjectNode object) {
                JsonNode ref = object.get("$ref");
                if (ref != null && ref.isTextual()) {
                    onRef.accept(new Ref(object, top.getKey() + "/$ref", ref.asText()));
                }
                object.properties().forEach(p -> stack.push(Map.entry(top.getKey() + "/" + Pointers.escape(p.getKey()),
                        p.getValue())));
            } else if (node != null && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    stack.push(Map.entry(top.getKey() + "/" + i, node.get(i)));
                }
            }
        }
    }
}
