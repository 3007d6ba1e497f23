package dev.parapet.checks.bfla;

import dev.parapet.checks.support.CheckData;
import dev.parapet.spi.ApiOperation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes a route administrative: common back-office paths, spec tags and operation-id shapes. Data:
 * {@code routes.json}.
 *
 * @param paths       paths relative to the target, tried as GET
 * @param tags        spec tags of administrative operations, lower case
 * @param operationId pattern of administrative operation ids
 */
record AdminRoutes(List<String> paths, List<String> tags, Pattern operationId) {

    static AdminRoutes load() {
        return CheckData.load("admin-route-exposure", "routes.json", AdminRoutes.class);
    }

    /** Whether the spec marks {@code op} as administrative by a tag, its operation id or an admin path segment. */
    boolean administrative(ApiOperation op) {
        boolean tagged = op.tags().stream().anyMatch(t -> tags.contains(t.toLowerCase(Locale.ROOT)));
        boolean pathed = op.pathTemplate().toLowerCase(Locale.ROOT).matches(".*/(admin|internal|management)(/.*)?");
        return tagged || pathed || !op.operationId().isEmpty() && operationId.matcher(op.operationId()).matches();
    }
}
