package dev.parapet.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Discovery's data, loaded once from {@code resources/discovery/*.json}: where API documents and documentation pages
 * live and how pages point at them ({@code documents.json}), the wordlists tried under every base path
 * ({@code wordlists.json}), how paths are read ({@code paths.json}) and the names parameter mining tries
 * ({@code parameters.json}). Patterns are RE2 ({@code com.google.re2j}): they run over text the target sent, in
 * linear time. Immutable; safe to share between threads.
 */
final class DiscoveryData {

    private static final Pattern SCRIPT_EXTENSION = Pattern.compile("\\.m?js$");
    private static final Pattern HASH_SUFFIX = Pattern.compile("[.-][0-9a-f]{6,}$");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    static final DiscoveryData INSTANCE = load();

    record Documents(List<String> everyPrefix, List<String> rootOnly, List<UiMarker> uiMarkers,
                     List<String> pointerKeys, List<String> configKeys, List<String> inlineKeys,
                     List<String> linkRelations, List<String> jsonLinkFields) {
    }

    record UiMarker(String tool, String pattern) {
    }

    record Wordlists(List<Group> groups, List<Framework> frameworks) {
    }

    /** Paths tried under every base path ({@code everyPrefix}) or under the root and target only. */
    record Group(String id, boolean everyPrefix, boolean learnsPrefix, List<String> paths) {
    }

    /** A stack's paths, tried under every base path once one of its signals matched. */
    record Framework(String id, List<String> headers, List<String> bodies, List<String> paths) {
    }

    record PathRules(String prefixSegment, List<String> assetExtensions, List<String> documentExtensions,
                     List<String> libraryScripts) {
    }

    record Mining(List<String> names, List<String> numeric, Map<String, String> values, String fallback) {
    }

    final Documents documents;
    final Wordlists wordlists;
    final PathRules paths;
    final Mining mining;
    final List<Map.Entry<String, Pattern>> uiMarkers;
    final Pattern prefixSegment;
    final Map<String, List<Pattern>> frameworkHeaders;
    final Map<String, List<Pattern>> frameworkBodies;
    private final Set<String> assetExtensions;
    private final Set<String> staticExtensions;
    private final Set<String> numeric;
    private final StateChange stateChange = new StateChange(SurfaceVocabulary.get());

    DiscoveryData(Documents documents, Wordlists wordlists, PathRules paths, Mining mining) {
        this.documents = documents;
        this.wordlists = wordlists;
        this.paths = paths;
        this.mining = mining;
        this.uiMarkers = documents.uiMarkers().stream()
                .map(m -> Map.entry(m.tool(), Pattern.compile(m.pattern(), Pattern.CASE_INSENSITIVE))).toList();
        this.prefixSegment = Pattern.compile(paths.prefixSegment());
        this.frameworkHeaders = wordlists.frameworks().stream().collect(Collectors.toUnmodifiableMap(
                Framework::id, f -> f.headers().stream().map(Pattern::compile).toList()));
        this.frameworkBodies = wordlists.frameworks().stream().collect(Collectors.toUnmodifiableMap(
                Framework::id, f -> f.bodies().stream().map(Pattern::compile).toList()));
        this.assetExtensions = Set.copyOf(paths.assetExtensions());
        this.staticExtensions = java.util.stream.Stream.concat(paths.assetExtensions().stream(),
                paths.documentExtensions().stream()).collect(Collectors.toUnmodifiableSet());
        this.numeric = Set.copyOf(mining.numeric());
        for (String p : concat(documents.everyPrefix(), documents.rootOnly())) {
            requireRelative("documents.json", p);
        }
        wordlists.groups().forEach(g -> g.paths().forEach(p -> requireRelative("wordlists.json " + g.id(), p)));
        wordlists.frameworks().forEach(f -> f.paths().forEach(p -> requireRelative("wordlists.json " + f.id(), p)));
    }

    static DiscoveryData load() {
        return new DiscoveryData(read("documents.json", Documents.class), read("wordlists.json", Wordlists.class),
                read("paths.json", PathRules.class), read("parameters.json", Mining.class));
    }

    private static <T> T read(String file, Class<T> type) {
        String path = "/discovery/" + file;
        try (InputStream in = DiscoveryData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("data file " + path + " is missing from the class path");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("data file " + path + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void requireRelative(String file, String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalStateException(file + ": paths are relative, not '" + path + "'");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The documentation tool a page's text names through one of the markers, if any. */
    Optional<String> documentationTool(String text) {
        String head = text.length() > 200_000 ? text.substring(0, 200_000) : text;
        return uiMarkers.stream().filter(m -> m.getValue().matcher(head).find()).map(Map.Entry::getKey).findFirst();
    }

    /**
     * Whether the last segment of {@code rawPath} names a static file, an asset ({@code .png}, {@code .js}) or a
     * document ({@code .html}, {@code .pdf}): not an API route.
     */
    boolean staticAsset(String rawPath) {
        return staticExtensions.contains(extension(rawPath));
    }

    /** Whether {@code rawPath} names an asset (image, font, style sheet, script): never worth crawling. */
    boolean asset(String rawPath) {
        return assetExtensions.contains(extension(rawPath));
    }

    private static String extension(String rawPath) {
        String last = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 ? last.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * Why a GET of {@code rawPath} looks state-changing ({@code /api/logout}, {@code /reset-db},
     * {@code /users/deleteAll}), by the engine's one vocabulary ({@link StateChange}), or empty.
     */
    Optional<String> stateChanging(String rawPath) {
        return stateChange.ofPath("GET", rawPath);
    }

    /** Whether a script's file name (hash suffixes and extension dropped) names a library, not the application. */
    boolean libraryScript(String rawPath) {
        String name = rawPath.substring(rawPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String base = HASH_SUFFIX.matcher(SCRIPT_EXTENSION.matcher(name).replaceFirst("")).replaceFirst("");
        return paths.libraryScripts().contains(base) || paths.libraryScripts().stream()
                .anyMatch(l -> base.startsWith(l + ".") || base.startsWith(l + "-"));
    }

    /** The value a mined parameter gets in the endpoint URL the scan records. */
    String valueFor(String name) {
        if (numeric.contains(name) || name.endsWith("_id") || name.endsWith("Id")) {
            return "1";
        }
        return mining.values().getOrDefault(name, mining.fallback());
    }
}
