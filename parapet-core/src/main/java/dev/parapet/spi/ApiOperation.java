package dev.parapet.spi;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of an API description, mapped onto the scanned target.
 *
 * @param method                    the HTTP method, upper case
 * @param pathTemplate              the documented path with its {@code {placeholders}}, without server prefix
 * @param operationId               the documented id; empty when the spec gives none
 * @param deprecated                whether the spec marks it deprecated
 * @param parameters                path and query parameters (header and cookie ones too), in spec order
 * @param securityRequired          whether at least one non-empty security requirement applies to it
 * @param responseSchemaProperties  property names declared by its success response schemas (nested objects and
 *                                  array items included, dotted paths flattened to the leaf name); empty when the
 *                                  schema is undeclared or open, so "not declared" can only be judged when non-empty
 * @param requestSchemaProperties   property names its request body schema accepts
 * @param tags                      the spec's tags
 * @param uri                       the concrete URL under the target to call it with synthesised values (required
 *                                  query parameters, and optional ones the document gives a default or example
 *                                  for); absent when the path could not be mapped
 * @param summary                   the operation's summary and description joined; empty when it has neither
 * @param requestBody               its documented request body, when it has one the reader understood
 */
public record ApiOperation(String method, String pathTemplate, String operationId, boolean deprecated,
                           List<ApiParameter> parameters, boolean securityRequired,
                           Set<String> responseSchemaProperties, Set<String> requestSchemaProperties,
                           List<String> tags, Optional<URI> uri, String summary,
                           Optional<ApiRequestBody> requestBody) {

    public ApiOperation {
        method = method.toUpperCase(java.util.Locale.ROOT);
        operationId = operationId == null ? "" : operationId;
        parameters = List.copyOf(parameters);
        responseSchemaProperties = Set.copyOf(responseSchemaProperties);
        requestSchemaProperties = Set.copyOf(requestSchemaProperties);
        tags = List.copyOf(tags);
        uri = uri == null ? Optional.empty() : uri;
        summary = summary == null ? "" : summary;
        requestBody = requestBody == null ? Optional.empty() : requestBody;
    }

    /** An operation without summary and request body. */
    public ApiOperation(String method, String pathTemplate, String operationId, boolean deprecated,
                        List<ApiParameter> parameters, boolean securityRequired,
                        Set<String> responseSchemaProperties, Set<String> requestSchemaProperties,
                        List<String> tags, Optional<URI> uri) {
        this(method, pathTemplate, operationId, deprecated, parameters, securityRequired, responseSchemaProperties,
                requestSchemaProperties, tags, uri, "", Optional.empty());
    }

    /** The same operation called at {@code newUri}. */
    public ApiOperation withUri(URI newUri) {
        return new ApiOperation(method, pathTemplate, operationId, deprecated, parameters, securityRequired,
                responseSchemaProperties, requestSchemaProperties, tags, Optional.of(newUri), summary, requestBody);
    }

    /** {@code GET /users/{id}}: how findings and warnings name the operation. */
    public String display() {
        return method + " " + pathTemplate;
    }

    /** Whether calling it cannot change the target: GET, HEAD or OPTIONS. */
    public boolean safeToCall() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
