package dev.parapet.checks.ssrf;

import dev.parapet.model.Severity;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@link SsrfInternalReachCheck} asks a fetching parameter to fetch, loaded from
 * {@code checks/ssrf-internal-reach/targets.json}. Immutable once loaded; safe to share between threads.
 *
 * @param targets        the internal services, one probe each per parameter, in the order they are tried
 */
record InternalTargets(List<Target> targets) {

    /** Where a probe value points, which decides whether it may be sent at all. */
    enum Scope {
        /** The fetching server itself: 127.0.0.1 or its own file system. Always safe to name. */
        LOOPBACK,
        /** A cloud metadata service: leaves the machine, so only named when the target is a public host. */
        CLOUD
    }

    /**
     * One internal service. {@code url} may hold {@code {port}}, the scanned target's own port. {@code host}: reaching
     * it reveals or controls the host (Docker, kubelet, files), beyond the service. Reported when at least
     * {@code minimum} signatures match the probe's response while none matched the baseline.
     */
    record Target(String id, String service, String url, Scope scope, Severity severity, boolean host,
                  List<Pattern> signatures, int minimum) {

        URI urlFor(int targetPort) {
            return URI.create(url.replace("{port}", Integer.toString(targetPort)));
        }

        /** The signatures found in {@code text}, as their matched text. */
        List<String> matches(String text) {
            return signatures.stream().map(p -> p.matcher(text)).filter(java.util.regex.Matcher::find)
                    .map(m -> m.group().replace("\u0000", "")).toList();
        }
    }

    /** The targets a scan of a host in {@code allowed} scopes may name. */
    List<Target> within(Set<Scope> allowed) {
        return targets.stream().filter(t -> allowed.contains(t.scope())).toList();
    }

    @Override
    public String toString() {
        return targets.stream().map(Target::id).collect(Collectors.joining(", ", "InternalTargets[", "]"));
    }
}
