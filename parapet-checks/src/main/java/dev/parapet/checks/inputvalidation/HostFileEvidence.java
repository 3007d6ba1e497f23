package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.Snippets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Short, secret-free descriptions of host files read back through a traversal: which account lines, which
 * environment variables (secret values masked), which container runtime. Stateless.
 */
final class HostFileEvidence {

    /** Characters of a secret value the evidence may show. */
    private static final int KEEP = 4;
    private static final int MAX_VARIABLES = 8;

    private HostFileEvidence() {
    }

    /** What the body of {@code target} shows, for the evidence line. */
    static String describe(TraversalProbes probes, TraversalProbes.Target target, String body) {
        return switch (target.id()) {
            case "environ" -> environ(probes, body);
            case "cgroup" -> "cgroup: " + runtime(probes, body) + "; " + Snippets.oneLine(body, 80);
            case "service-account-token" -> "token " + Snippets.mask(body.trim(), KEEP);
            case "dotenv", "application-properties" -> settings(probes, body);
            case "passwd" -> body.lines().filter(l -> l.contains(":")).count() + " accounts, first: "
                    + Snippets.oneLine(body.lines().findFirst().orElse(""), 60);
            default -> Snippets.oneLine(body, 80);
        };
    }

    /** Variable names, values masked where they are secrets, values dropped elsewhere (they may be secrets too). */
    static String environ(TraversalProbes probes, String body) {
        List<String> shown = new ArrayList<>();
        String[] variables = body.split("\u0000");
        for (String v : variables) {
            int eq = v.indexOf('=');
            if (eq > 0 && shown.size() < MAX_VARIABLES) {
                String name = v.substring(0, eq);
                shown.add(isSecret(probes, v) ? name + "=" + Snippets.mask(v.substring(eq + 1), KEEP) : name);
            }
        }
        return variables.length + " variables: " + String.join(", ", shown);
    }

    /**
     * Setting names of a {@code KEY=value} (or {@code key: value}) file, values masked where they are secrets and
     * dropped elsewhere; comments skipped.
     */
    static String settings(TraversalProbes probes, String body) {
        List<String> shown = new ArrayList<>();
        long count = 0;
        for (String line : body.lines().map(String::strip).toList()) {
            String setting = setting(line);
            if (setting.isEmpty()) {
                continue;
            }
            count++;
            if (shown.size() < MAX_VARIABLES) {
                int eq = setting.indexOf('=');
                shown.add(isSecret(probes, setting) ? setting.substring(0, eq) + "="
                        + Snippets.mask(setting.substring(eq + 1), KEEP) : setting.substring(0, eq));
            }
        }
        return count + " settings: " + String.join(", ", shown);
    }

    /** Whether any setting of such a file holds a secret. */
    static boolean holdsSecretSetting(TraversalProbes probes, String body) {
        return body.lines().map(l -> setting(l.strip())).anyMatch(s -> !s.isEmpty() && isSecret(probes, s));
    }

    /** {@code NAME=value} for a settings line ({@code export } and {@code :} separators allowed), else empty. */
    private static String setting(String line) {
        String l = line.startsWith("export ") ? line.substring(7) : line;
        int eq = l.indexOf('=');
        int colon = l.indexOf(':');
        int at = eq > 0 && (colon < 0 || eq < colon) ? eq : colon;
        if (l.isEmpty() || l.startsWith("#") || at <= 0) {
            return "";
        }
        String name = l.substring(0, at).strip().replace('.', '_').replace('-', '_');
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                ? name + "=" + l.substring(at + 1).strip() : "";
    }

    /** Whether any variable of an environ body holds a secret. */
    static boolean holdsSecret(TraversalProbes probes, String body) {
        for (String v : body.split("\u0000")) {
            if (v.indexOf('=') > 0 && isSecret(probes, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecret(TraversalProbes probes, String variable) {
        int eq = variable.indexOf('=');
        String value = variable.substring(eq + 1);
        return !value.isBlank() && (probes.secretVariable().matcher(variable.substring(0, eq)).matches()
                || probes.urlWithPassword().matcher(value).find());
    }

    /** The container runtime a cgroup file names, or the cgroup version when it names none. */
    static String runtime(TraversalProbes probes, String body) {
        Optional<String> named = probes.cgroupRuntimes().stream().filter(r -> r.pattern().matcher(body).find())
                .map(TraversalProbes.Runtime::name).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
        return lines.size() == 1 && lines.getFirst().startsWith("0::/") ? "cgroup v2 (0::/)"
                : "cgroup v1, no runtime named";
    }
}
