package dev.parapet.spi;

import java.net.URI;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * An API description's operations: an immutable list (equal to any list of the same operations) that also finds
 * the operation a concrete request matches ({@link ApiSpec#match}) through an index of path segments instead of
 * trying every operation, so matching each of N endpoints against N operations is not N² work. The index is built on
 * first use; thread-safe (a race builds equal indexes twice, never a partial one).
 *
 * <p>The index is a tree of segments: a mapped operation URL's segment that came from a {@code {placeholder}} of its
 * template is a wildcard, every other one a literal, exactly as {@link PathTemplates#matches} compares them. A lookup
 * collects every operation whose segments match and answers the one first in document order, as a scan of the list
 * would.
 */
final class SpecOperations extends AbstractList<ApiOperation> implements RandomAccess {

    private final List<ApiOperation> operations;
    private volatile Node index;

    /** One segment position: operations ending here (document indexes), literal children and the wildcard child. */
    private static final class Node {
        final List<Integer> ending = new ArrayList<>(1);
        final Map<String, Node> literal = new HashMap<>();
        Node wildcard;
    }

    private SpecOperations(List<ApiOperation> operations) {
        this.operations = operations;
    }

    static List<ApiOperation> of(List<ApiOperation> operations) {
        return operations instanceof SpecOperations s ? s : new SpecOperations(List.copyOf(operations));
    }

    @Override
    public ApiOperation get(int i) {
        return operations.get(i);
    }

    @Override
    public int size() {
        return operations.size();
    }

    /** The first operation of {@code method} (upper case; HEAD also matches GET) whose mapped path matches. */
    Optional<ApiOperation> match(String method, String path) {
        List<Integer> found = new ArrayList<>();
        collect(index(), PathTemplates.segments(path), 0, found);
        int best = Integer.MAX_VALUE;
        for (int i : found) {
            ApiOperation o = operations.get(i);
            if (i < best && (o.method().equals(method) || method.equals("HEAD") && o.method().equals("GET"))) {
                best = i;
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(operations.get(best));
    }

    private static void collect(Node node, String[] got, int at, List<Integer> found) {
        if (at == got.length) {
            found.addAll(node.ending);
            return;
        }
        Node lit = node.literal.get(got[at]);
        if (lit != null) {
            collect(lit, got, at + 1, found);
        }
        if (node.wildcard != null) {
            collect(node.wildcard, got, at + 1, found);
        }
    }

    private Node index() {
        Node root = index;
        if (root == null) {
            root = new Node();
            for (int i = 0; i < operations.size(); i++) {
                ApiOperation o = operations.get(i);
                if (o.uri().isEmpty()) {
                    continue;
                }
                Node n = root;
                for (String segment : PathTemplates.pattern(o.uri().get(), o.pathTemplate())) {
                    if (segment == null) {
                        n = n.wildcard == null ? (n.wildcard = new Node()) : n.wildcard;
                    } else {
                        n = n.literal.computeIfAbsent(segment, k -> new Node());
                    }
                }
                n.ending.add(i);
            }
            index = root;
        }
        return root;
    }
}
