package dev.parapet.spec;

import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiSpec;
import dev.parapet.spi.SpecFetcher;
import dev.parapet.spi.SpecLoader;
import dev.parapet.spi.SpecWarning;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Swagger 2.0, OpenAPI 3.0 and 3.1 with swagger-parser and keeps what it can: each operation is built on its
 * own, one that fails is skipped with a warning at its JSON pointer, and the parser's own complaints become
 * warnings too. The loader never reaches the network itself: documents a spec refers to are read before the parser
 * resolves anything ({@link ExternalRefs}), relative files of a local spec from disk, other URLs only through the
 * engine's {@link SpecFetcher}; a reference that is not followed is a warning at its JSON pointer. Stateless and
 * thread-safe.
 */
public final class OpenApiSpecLoader implements SpecLoader {

    /** Bounds the heap a spec file can take (parsed models are many times the text); 10 MB specs fit well. */
    static final long MAX_FILE_BYTES = 64L << 20;
    private static final Pattern SWAGGER_2 = Pattern.compile("[\"']?swagger[\"']?\\s*:\\s*[\"']?2\\.0");
    private static final Pattern ANY_EXTERNAL_REF = Pattern.compile("[\"']?\\$ref[\"']?\\s*:\\s*[\"']?[^#\"'\\s]");

    @Override
    public ApiSpec load(Path file, URI target, long seed) {
        return load(file, target, seed, SpecFetcher.NONE);
    }

    @Override
    public ApiSpec load(String content, URI location, URI target, long seed) {
        return load(content, location, target, seed, SpecFetcher.NONE);
    }

    @Override
    public ApiSpec load(Path file, URI target, long seed, SpecFetcher refs) {
        String source = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                return ApiSpec.unreadable(source, "", "no spec file at " + file.toAbsolutePath());
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                return ApiSpec.unreadable(source, "", "the spec file is " + (Files.size(file) >> 20) + " MiB, over "
                        + "the " + (MAX_FILE_BYTES >> 20) + " MiB Parapet reads; split it or remove its examples");
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            var syntax = SpecSyntax.problem(content);
            if (syntax.isPresent()) {
                return ApiSpec.unreadable(source, "", syntax.get());
            }
            List<SpecWarning> warnings = new ArrayList<>();
            URI location = file.toAbsolutePath().normalize().toUri();
            SwaggerParseResult result = parse(location, content, false, refs, warnings);
            return build(source, content, result, target, seed, warnings);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return ApiSpec.unreadable(source, "", "the spec could not be read: " + describe(e));
        }
    }

    @Override
    public ApiSpec load(String content, URI location, URI target, long seed, SpecFetcher refs) {
        String source = location == null ? "" : location.toString();
        try {
            var syntax = SpecSyntax.problem(content);
            if (syntax.isPresent()) {
                return ApiSpec.unreadable(source, "", syntax.get());
            }
            List<SpecWarning> warnings = new ArrayList<>();
            if (location == null || "file".equalsIgnoreCase(location.getScheme())) {
                // Fetched text has no place to resolve references against, and never reads local files.
                return build(source, content, readAlone(content, warnings), target, seed, warnings);
            }
            SwaggerParseResult result = parse(location, content, true, refs, warnings);
            return build(source, content, result, target, seed, warnings);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return ApiSpec.unreadable(source, "", "the spec could not be read: " + describe(e));
        }
    }

    /**
     * Parses a spec: one without references to other documents directly; otherwise from a copy holding it and the
     * documents it refers to that may be read (see {@link ExternalRefs}), so the parser never reaches the network.
     * Too-long YAML always goes through the copy, which is JSON.
     */
    private static SwaggerParseResult parse(URI location, String content, boolean fetched, SpecFetcher refs,
                                            List<SpecWarning> warnings) throws IOException {
        boolean largeYaml = ExternalRefs.largeYaml(content);
        if (!largeYaml && !ANY_EXTERNAL_REF.matcher(content).find()) {
            return fetched ? new OpenAPIParser().readContents(content, null, options(false))
                    : new OpenAPIParser().readLocation(Path.of(location).toString(), null, options(true));
        }
        ExternalRefs.Walk walk = ExternalRefs.walk(location, fetched ? content : null, refs);
        warnings.addAll(walk.warnings());
        if (walk.documents().isEmpty()) {
            if (largeYaml) {
                warnings.add(new SpecWarning("", "the YAML document could not be read: " + walk.mainError()));
                return null;
            }
            return readAlone(content, warnings);
        }
        if (!walk.needsCopy() && !largeYaml && !fetched) {
            return new OpenAPIParser().readLocation(Path.of(location).toString(), null, options(true));
        }
        Path dir = Files.createTempDirectory("parapet-spec-");
        try {
            Path copy = ExternalRefs.sanitisedCopy(walk, dir);
            return new OpenAPIParser().readLocation(copy.toString(), null, options(true));
        } finally {
            deleteTree(dir);
        }
    }

    /** Reads a document on its own, resolving nothing; its references to other documents are reported. */
    private static SwaggerParseResult readAlone(String content, List<SpecWarning> warnings) throws IOException {
        String text = content;
        if (ExternalRefs.largeYaml(content)) {
            text = ExternalRefs.toJson(content);
        }
        if (ANY_EXTERNAL_REF.matcher(content).find()) {
            warnings.add(new SpecWarning("", "references to other documents were not followed"));
        }
        return new OpenAPIParser().readContents(text, null, options(false));
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover temporary copy is harmless; the scan goes on
        }
    }

    private static ParseOptions options(boolean resolve) {
        ParseOptions options = new ParseOptions();
        options.setResolve(resolve);
        options.setResolveFully(false);
        options.setFlatten(false);
        return options;
    }

    private static ApiSpec build(String source, String content, SwaggerParseResult result, URI target, long seed,
                                 List<SpecWarning> warnings) {
        if (result == null) {
            if (warnings.isEmpty()) {
                warnings.add(new SpecWarning("", "the document is neither Swagger 2.0 nor OpenAPI 3.x"));
            }
            return new ApiSpec(source, "", List.of(), List.of(), warnings, 0, 0);
        }
        if (result.getMessages() != null) {
            result.getMessages().stream().filter(m -> m != null && !m.isBlank()).distinct().limit(200)
                    .forEach(m -> warnings.add(new SpecWarning(Pointers.fromMessage(m), m)));
        }
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            if (warnings.isEmpty()) {
                warnings.add(new SpecWarning("", "the document is neither Swagger 2.0 nor OpenAPI 3.x"));
            }
            return new ApiSpec(source, "", List.of(), List.of(), warnings, 0, 0);
        }
        List<String> servers = ServerMapper.urls(api.getServers());
        String base = ServerMapper.basePath(servers, target);
        OperationReader reader = new OperationReader(api, target, base, seed);
        List<ApiOperation> operations = new ArrayList<>();
        int skipped = 0;
        Map<String, PathItem> paths = api.getPaths() == null ? Map.of() : api.getPaths();
        for (var path : paths.entrySet()) {
            PathItem item = path.getValue();
            if (item == null || path.getKey() == null) {
                continue;
            }
            for (var op : item.readOperationsMap().entrySet()) {
                String pointer = Pointers.operation(path.getKey(), op.getKey().name());
                try {
                    operations.add(reader.read(path.getKey(), item, op.getKey().name(), op.getValue(), warnings));
                } catch (RuntimeException | StackOverflowError e) {
                    skipped++;
                    warnings.add(new SpecWarning(pointer, "operation skipped: " + describe(e)));
                }
            }
        }
        if (operations.isEmpty() && skipped == 0) {
            warnings.add(new SpecWarning("/paths", "the document declares no operations under paths, so there "
                    + "is nothing to compare the live API with"));
        }
        String version = api.getOpenapi() == null ? "" : api.getOpenapi();
        if (SWAGGER_2.matcher(content.length() > 4096 ? content.substring(0, 4096) : content).find()) {
            version = "2.0";
        }
        return new ApiSpec(source, version, operations, servers, warnings, operations.size(), skipped);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) : m));
    }
}
