package dev.parapet.checks.inventory;

import dev.parapet.checks.support.CheckData;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where interactive API documentation usually lives and how to recognise its HTML, for {@code api-docs-exposed}.
 * {@code paths} are relative (no leading slash) so they resolve against the origin and against the target's path.
 */
record DocPages(List<String> paths, List<Marker> markers) {

    DocPages {
        paths = List.copyOf(paths);
        markers = List.copyOf(markers);
        if (paths.stream().anyMatch(p -> p.startsWith("/"))) {
            throw new IllegalArgumentException("documentation paths are relative: " + paths);
        }
    }

    record Marker(String tool, String pattern) {
        Pattern compiled() {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        }
    }

    static DocPages load() {
        return CheckData.load("api-docs-exposed", "ui-pages.json", DocPages.class);
    }

    /** The documentation tool whose marker the page carries, if any. */
    Optional<String> toolOf(String html) {
        return markers.stream().filter(m -> m.compiled().matcher(html).find()).map(Marker::tool).findFirst();
    }
}
