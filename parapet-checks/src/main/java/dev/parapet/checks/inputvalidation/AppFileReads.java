package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.inputvalidation.PathTraversalCheck.Hit;
import dev.parapet.checks.inputvalidation.TraversalProbes.AppFiles;
import dev.parapet.checks.inputvalidation.TraversalProbes.Target;
import dev.parapet.checks.inputvalidation.TraversalProbes.Variant;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.InputPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application-file half of {@link PathTraversalCheck}: its own files ({@code .env}, sources, manifests,
 * framework settings) one to {@link AppFiles#levels} directories above the one the input's file is read from. The
 * screen's cost stays fixed (the screened files one level up); the confirmation finds the level with the
 * discovery files, then reads every file at that level. Stateless.
 */
final class AppFileReads {

    private AppFileReads() {
    }

    /** The discovery files at every level, then every file at the level found. */
    static int confirmCost(TraversalProbes probes) {
        AppFiles a = probes.appFiles();
        return a.discover().size() * a.levels() + a.files().size();
    }

    /** The screened files one level up in the first spelling. */
    static Optional<Hit> screen(CheckContext ctx, InputPoint p, Exchange baseline, TraversalProbes probes)
            throws InterruptedException {
        Variant v = probes.variants().getFirst();
        for (Target t : probes.appFiles().named(probes.appFiles().screen())) {
            Optional<Hit> hit = PathTraversalCheck.attempt(ctx, p, baseline, t, v, v.value(t, 1));
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    /**
     * Every application file read back: {@code found} (the screen's) or the first discovery file read at any
     * level in {@code variant}, then the other files at the same level.
     */
    static List<Hit> confirm(CheckContext ctx, InputPoint p, Exchange baseline, TraversalProbes probes,
                             Optional<Hit> found, Variant variant) throws InterruptedException {
        AppFiles files = probes.appFiles();
        Optional<Hit> first = found;
        int level = 1;
        for (int l = 1; first.isEmpty() && l <= files.levels(); l++) {
            for (Target t : files.named(files.discover())) {
                first = PathTraversalCheck.attempt(ctx, p, baseline, t, variant, variant.value(t, l));
                if (first.isPresent()) {
                    level = l;
                    break;
                }
            }
        }
        if (first.isEmpty()) {
            return List.of();
        }
        Hit hit = first.get();
        if (found.isPresent()) {
            level = levelsOf(hit);
        }
        List<Hit> out = new ArrayList<>(List.of(hit));
        for (Target t : files.files()) {
            if (!t.id().equals(hit.target().id())) {
                PathTraversalCheck.attempt(ctx, p, baseline, t, hit.variant(), hit.variant().value(t, level))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    /** How many directories {@code hit}'s value climbed. */
    private static int levelsOf(Hit hit) {
        String prefix = hit.value().substring(0, hit.value().length() - hit.target().path().length())
                .substring(hit.variant().lead().length());
        return Math.max(1, prefix.length() / hit.variant().step().length());
    }
}
