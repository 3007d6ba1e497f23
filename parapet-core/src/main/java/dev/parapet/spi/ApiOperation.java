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
 * @param uri                       the concrete URL under the target to call it with synthesised values; absent when
 *                                  the path could not be mapped
 */
public record ApiOperation(String method, String pathTemplate, String operationId, boolean deprecated,
                           List<ApiParameter> parameters, boolean securityRequired,
                           Set<String> responseSchemaProperties, Set<String> requestSchemaProperties,
                           List<String> tags, Optional<URI> uri) {

    public ApiOperation {
        method = method.toUpperCase(java.util.Locale.ROOT);
        operationId = operationId == null ? "" : operationId;
        parameters = List.copyOf(parameters);
        responseSchemaProperties = Set.copyOf(responseSchemaProperties);
        requestSchemaProperties = Set.copyOf(requestSchemaProperties);
        tags = List.copyOf(tags);
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
