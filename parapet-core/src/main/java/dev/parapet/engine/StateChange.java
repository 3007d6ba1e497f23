package dev.parapet.engine;

import dev.parapet.spi.ApiOperation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a GET operation looks as if calling it changes the target ({@code GET /createdb}, {@code GET
 * /api/reset}, operation id {@code resetDatabase}, summary "Drops and re-creates the tables"). Safe mode sends such
 * an operation nothing beyond the one plain request that found it: no payloads, no repeats, no bursts. Errs towards
 * caution: a read-only route with a verb in its path loses its input tests in safe mode, never the reverse.
 * Thread-safe; it remembers the verdict on names it has judged (bounded).
 */
final class StateChange {

    /**
     * Names judged so far, at most {@link #MEMO_CAP} (a name is at most a path segment, an operation id or a tag;
     * beyond the cap names are judged each time, so a target with endless distinct segments costs no memory).
     */
    private static final int MEMO_CAP = 1 << 16;
    /** Longer names (payloads in a path segment) are never remembered: they seldom come twice. */
    private static final int MEMO_NAME_CHARS = 64;

    private final SurfaceVocabulary vocabulary;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> memo =
            new java.util.concurrent.ConcurrentHashMap<>();

    StateChange(SurfaceVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The reason a request with this method and raw path looks state-changing, or empty. */
    Optional<String> ofPath(String method, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{") && changes(segment)) {
                return Optional.of("its path says '" + segment + "'");
            }
        }
        return Optional.empty();
    }

    /** The reason a documented GET looks state-changing (path, operation id, tags, summary), or empty. */
    Optional<String> of(ApiOperation op) {
        if (!op.method().equals("GET") && !op.method().equals("HEAD")) {
            return Optional.empty();
        }
        Optional<String> byPath = ofPath(op.method(), op.pathTemplate());
        if (byPath.isPresent()) {
            return byPath;
        }
        if (!op.operationId().isEmpty() && changes(op.operationId())) {
            return Optional.of("its operation id is '" + op.operationId() + "'");
        }
        for (String tag : op.tags()) {
            if (changes(tag)) {
                return Optional.of("its tag is '" + tag + "'");
            }
        }
        String summary = op.summary().strip().toLowerCase(Locale.ROOT);
        for (String verb : vocabulary.summaryVerbs()) {
            if (summary.startsWith(verb + " ") || summary.equals(verb)) {
                return Optional.of("its summary says '" + verb + "'");
            }
        }
        return Optional.empty();
    }

    /**
     * A name changes state when one of its words is a verb of the vocabulary, or one word is a verb followed by an
     * object word only ({@code createdb}, {@code resetall}).
     */
    boolean changes(String name) {
        // SafeModeGuard asks for every segment of every probe's path: the same few thousand names again and again
        Boolean known = memo.get(name);
        if (known != null) {
            return known;
        }
        boolean changes = judge(name);
        if (name.length() <= MEMO_NAME_CHARS && memo.size() < MEMO_CAP) {
            memo.put(name, changes);
        }
        return changes;
    }

    private boolean judge(String name) {
        List<String> words = new java.util.ArrayList<>(SurfaceVocabulary.words(name));
        words.add(SurfaceVocabulary.squashed(name));
        for (String w : words) {
            if (vocabulary.verbs().contains(w)) {
                return true;
            }
            for (String verb : vocabulary.verbs()) {
                if (w.length() > verb.length() && w.startsWith(verb)
                        && vocabulary.objects().contains(w.substring(verb.length()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
