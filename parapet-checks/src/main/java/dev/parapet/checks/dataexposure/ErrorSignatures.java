package dev.parapet.checks.dataexposure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stack-trace, error-page and database-error signatures, loaded from {@code checks/error-disclosure/signatures.json}.
 * Immutable once loaded; thread-safe.
 *
 * @param absolutePath a second signal: an absolute path to a source file
 * @param version      versions of the runtime or libraries
 * @param probes       malformed GET inputs to provoke an error with
 */
record ErrorSignatures(List<Signature> signatures, Pattern absolutePath, Pattern version, List<Probe> probes) {

    /** Stack traces and framework error pages are judged together; database errors are their own finding. */
    enum Kind { STACK_TRACE, ERROR_PAGE, SQL_ERROR }

    record Signature(String id, String framework, Kind kind, Pattern pattern, boolean towardsHost) {
    }

    /** Where a probe puts its value: appended to the first query value, or instead of an id path segment. */
    enum Target { QUERY_VALUE_SUFFIX, ID_SEGMENT }

    /** {@code value} is already percent-encoded for the URL. */
    record Probe(Target target, String value) {
    }

    /** What one body discloses: the signatures that matched (in data order) and where the first one did. */
    record Disclosure(List<Signature> matched, int start, int end, boolean absolutePath, boolean version) {

        boolean isSql() {
            return matched.getFirst().kind() == Kind.SQL_ERROR;
        }

        /** Frameworks named by the matches, in data order, without repeats: "Node.js/Koa". */
        String frameworks() {
            Set<String> names = new LinkedHashSet<>();
            matched.forEach(s -> names.add(s.framework()));
            return String.join("/", names);
        }

        Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>();
            matched.forEach(s -> ids.add(s.id()));
            return ids;
        }
    }

    /** The application-error disclosure and the database-error disclosure in {@code body}, each if present. */
    List<Disclosure> disclosures(String body) {
        List<Disclosure> out = new ArrayList<>();
        for (boolean sql : new boolean[]{false, true}) {
            List<Signature> matched = new ArrayList<>();
            int start = -1;
            int end = -1;
            for (Signature s : signatures) {
                if ((s.kind() == Kind.SQL_ERROR) != sql) {
                    continue;
                }
                Matcher m = s.pattern().matcher(body);
                if (m.find()) {
                    matched.add(s);
                    if (start < 0 || m.start() < start) {
                        start = m.start();
                        end = m.end();
                    }
                }
            }
            if (!matched.isEmpty()) {
                out.add(new Disclosure(matched, start, end, absolutePath.matcher(body).find(),
                        version.matcher(body).find()));
            }
        }
        return out;
    }
}
