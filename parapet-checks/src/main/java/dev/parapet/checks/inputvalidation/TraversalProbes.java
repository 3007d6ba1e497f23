package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;
import dev.parapet.model.Severity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link PathTraversalCheck} sends and recognises, loaded from {@code checks/path-traversal/probes.json}.
 * Immutable once loaded; safe to share between threads.
 */
record TraversalProbes(int screenVariants, String controlName,
                       List<String> fileSystemErrors, List<Variant> variants, int fallbackVariants,
                       List<Target> targets, Pattern secretVariable, Pattern urlWithPassword,
                       List<Runtime> cgroupRuntimes, AppFiles appFiles) {

    /** Whether {@code body} shows a file-system error (a plain, case-insensitive look-up: linear). */
    boolean fileSystemError(String body) {
        String head = (body.length() > 65_536 ? body.substring(0, 65_536) : body).toLowerCase(java.util.Locale.ROOT);
        for (String e : fileSystemErrors) {
            if (head.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /** One spelling of a traversal; {@link #value} builds the raw (already encoded) parameter value. */
    record Variant(String id, String lead, String step, int repeat) {
        String value(Target target) {
            return lead + step.repeat(repeat) + target.path();
        }

        /** The value that climbs {@code levels} directories from where the input's file is looked up. */
        String value(Target target, int levels) {
            return lead + step.repeat(levels) + target.path();
        }

        /** Whether the spelling climbs directories at all (the absolute one does not). */
        boolean climbs() {
            return !step.isEmpty();
        }
    }

    /** When a target is tried: see the data file. APP targets are the application's own files. */
    enum Role { PRIMARY, FALLBACK, FOLLOW_UP, APP }

    /**
     * The application's own files, tried one to {@code levels} directories up: {@code screen} ones level 1 in the
     * screen, {@code discover} ones at every level in a confirmation, then every file at the level that worked.
     */
    record AppFiles(int levels, List<String> screen, List<String> discover, List<Target> files) {
        AppFiles {
            files = List.copyOf(files);
            for (String id : concat(screen, discover)) {
                if (files.stream().noneMatch(t -> t.id().equals(id))) {
                    throw new IllegalArgumentException("no application file '" + id + "'");
                }
            }
            if (files.stream().anyMatch(t -> t.role() != Role.APP) || levels < 1) {
                throw new IllegalArgumentException("application files have role APP and at least one level");
            }
        }

        List<Target> named(List<String> ids) {
            return ids.stream().map(id -> files.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow())
                    .toList();
        }

        private static List<String> concat(List<String> a, List<String> b) {
            return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
        }
    }

    /**
     * A host or container file, recognised when all {@code signatures} match; {@code credentials} says reading it
     * hands out a credential by itself.
     */
    record Target(String id, String path, String label, String platform, Role role, List<Pattern> signatures,
                  Severity severity, boolean credentials) {

        /** Whether {@code body} is this file and {@code baselineBody} was not. */
        boolean readIn(String body, String baselineBody) {
            return matchesAll(body) && !matchesAll(baselineBody);
        }

        private boolean matchesAll(String body) {
            return signatures.stream().allMatch(p -> p.matcher(body).find());
        }
    }

    /** A container runtime and the cgroup path fragment that names it. */
    record Runtime(String name, Pattern pattern) {
    }

    static TraversalProbes load() {
        return CheckData.load("path-traversal", "probes.json", TraversalProbes.class);
    }
}
