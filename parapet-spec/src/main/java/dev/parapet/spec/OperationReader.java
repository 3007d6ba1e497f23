package dev.parapet.spec;

import dev.parapet.spi.ApiOperation;
import dev.parapet.spi.ApiParameter;
import dev.parapet.spi.SpecWarning;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one swagger-parser operation into an {@link ApiOperation} mapped under the target. Not thread-safe. */
final class OperationReader {

    private final OpenAPI api;
    private final URI target;
    private final String basePath;
    private final long seed;

    OperationReader(OpenAPI api, URI target, String basePath, long seed) {
        this.api = api;
        this.target = target;
        this.basePath = basePath;
        this.seed = seed;
    }

    ApiOperation read(String path, PathItem item, String method, Operation op, List<SpecWarning> warnings) {
        String pointer = Pointers.operation(path, method);
        List<String> dangling = new ArrayList<>();
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        SchemaProperties props = new SchemaProperties(schemas, dangling);
        List<ApiParameter> parameters = parameters(item, op, props, pointer, warnings);
        Set<String> response = new LinkedHashSet<>();
        boolean closed = true;
        if (op.getResponses() != null) {
            for (var r : op.getResponses().entrySet()) {
                if (r.getKey() != null && r.getKey().startsWith("2")) {
                    Optional<Schema<?>> schema = jsonSchema(response(r.getValue()).getContent());
                    Optional<Set<String>> names = schema.flatMap(props::closedProperties);
                    closed &= names.isPresent();
                    names.ifPresent(response::addAll);
                }
            }
        }
        Set<String> request = new LinkedHashSet<>();
        RequestBody body = requestBody(op.getRequestBody());
        if (body != null) {
            jsonSchema(body.getContent()).ifPresent(s -> request.addAll(props.allProperties(s)));
        }
        dangling.stream().distinct().forEach(ref -> warnings.add(new SpecWarning(pointer,
                "$ref '" + ref + "' names nothing in the document; its schema is treated as undeclared")));
        Optional<dev.parapet.spi.ApiRequestBody> synthesised = new BodySynthesizer(props, seed).synthesise(body);
        String summary = java.util.stream.Stream.of(op.getSummary(), op.getDescription())
                .filter(t -> t != null && !t.isBlank()).map(String::strip)
                .collect(java.util.stream.Collectors.joining(" — "));
        return new ApiOperation(method, path, op.getOperationId(), Boolean.TRUE.equals(op.getDeprecated()),
                parameters, securityRequired(op), closed ? response : Set.of(), request,
                op.getTags() == null ? List.of() : op.getTags().stream().filter(t -> t != null).toList(),
                uri(path, parameters, pointer, warnings), summary.length() > 2000 ? summary.substring(0, 2000)
                        : summary, synthesised);
    }

    private List<ApiParameter> parameters(PathItem item, Operation op, SchemaProperties props, String pointer,
                                          List<SpecWarning> warnings) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), op.getParameters())) {
            if (list == null) {
                continue;
            }
            for (Parameter p : list) {
                Parameter resolved = resolveParameter(p);
                if (resolved == null || resolved.getName() == null || resolved.getIn() == null) {
                    warnings.add(new SpecWarning(pointer + "/parameters", "a parameter without name or location "
                            + "(or a dangling $ref " + (p == null ? "" : p.get$ref()) + ") was ignored"));
                    continue;
                }
                byKey.put(resolved.getIn() + ":" + resolved.getName(), resolved);
            }
        }
        List<ApiParameter> out = new ArrayList<>();
        for (Parameter p : byKey.values()) {
            Schema<?> schema = p.getSchema() == null ? null : props.resolve(p.getSchema());
            String description = p.getDescription() != null ? p.getDescription()
                    : schema != null && schema.getDescription() != null ? schema.getDescription() : "";
            out.add(new ApiParameter(p.getIn(), p.getName(), Boolean.TRUE.equals(p.getRequired())
                    || "path".equals(p.getIn()), schema == null ? "" : SchemaTypes.type(schema),
                    schema == null ? "" : schema.getFormat(),
                    ValueSynthesizer.value(p.getName(), p.getExample(), schema, seed),
                    description.length() > 1000 ? description.substring(0, 1000) : description,
                    DocumentedValues.of(p.getExample(), schema)));
        }
        return out;
    }

    private Parameter resolveParameter(Parameter p) {
        if (p == null || p.get$ref() == null) {
            return p;
        }
        String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
        return api.getComponents() == null || api.getComponents().getParameters() == null ? null
                : api.getComponents().getParameters().get(name);
    }

    private ApiResponse response(ApiResponse r) {
        if (r != null && r.get$ref() != null && api.getComponents() != null
                && api.getComponents().getResponses() != null) {
            ApiResponse named = api.getComponents().getResponses()
                    .get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
            return named == null ? new ApiResponse() : named;
        }
        return r == null ? new ApiResponse() : r;
    }

    private RequestBody requestBody(RequestBody b) {
        if (b != null && b.get$ref() != null && api.getComponents() != null
                && api.getComponents().getRequestBodies() != null) {
            return api.getComponents().getRequestBodies().get(b.get$ref().substring(b.get$ref().lastIndexOf('/') + 1));
        }
        return b;
    }

    private static Optional<Schema<?>> jsonSchema(Content content) {
        if (content == null) {
            return Optional.empty();
        }
        for (var e : content.entrySet()) {
            MediaType m = e.getValue();
            if (e.getKey() != null && (e.getKey().contains("json") || e.getKey().equals("*/*")) && m != null
                    && m.getSchema() != null) {
                return Optional.of(m.getSchema());
            }
        }
        return Optional.empty();
    }

    /** Required unless no requirement applies or one of the alternatives is the empty ("optional") one. */
    private boolean securityRequired(Operation op) {
        List<SecurityRequirement> reqs = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
        return reqs != null && !reqs.isEmpty() && reqs.stream().allMatch(r -> r != null && !r.isEmpty());
    }

    private Optional<URI> uri(String path, List<ApiParameter> parameters, String pointer,
                              List<SpecWarning> warnings) {
        String filled = path;
        StringBuilder query = new StringBuilder();
        for (ApiParameter p : parameters) {
            String encoded = URLEncoder.encode(p.value(), StandardCharsets.UTF_8).replace("+", "%20");
            if (p.in().equals("path")) {
                filled = filled.replace("{" + p.name() + "}", encoded);
            } else if (p.in().equals("query") && (p.required() || !p.documentedValues().isEmpty())) {
                query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(p.name(), StandardCharsets.UTF_8))
                        .append('=').append(encoded);
            }
        }
        filled = filled.replaceAll("\\{[^}/]*}", "1");
        try {
            String rel = basePath + (filled.startsWith("/") ? filled : "/" + filled);
            URI origin = URI.create(target.getScheme() + "://" + target.getRawAuthority());
            return Optional.of(origin.resolve(rel + (query.isEmpty() ? "" : "?" + query)));
        } catch (IllegalArgumentException e) {
            warnings.add(new SpecWarning(pointer, "the path cannot be turned into a URL: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
