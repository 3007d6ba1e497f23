package dev.parapet.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of strings in one left-to-right pass (Aho-Corasick): the work is linear in
 * the text plus the number of occurrences, whatever the text holds. With {@code foldAsciiCase} the words and the
 * text are compared with ASCII letters folded to lower case. Immutable and thread-safe once built.
 */
final class MultiStringMatcher {

    /** Receives one occurrence: {@code word} (its index in the list given) spans {@code [start, end)}. */
    interface Occurrence {
        void at(int start, int end, int word);
    }

    private static final int ROOT = 0;

    private final boolean foldAsciiCase;
    private final int[] wordLengths;
    /** Per node: the characters of its children, ascending, and the child node for each. */
    private final char[][] keys;
    private final int[][] children;
    /** Children of the root by ASCII character (-1 for none), so most characters of a text cost one array read. */
    private final int[] rootAscii = new int[128];
    private final int[] fail;
    /** The word that ends at a node, or -1; and the next node on its failure chain that ends a word, or -1. */
    private final int[] word;
    private final int[] nextWordNode;

    private MultiStringMatcher(boolean foldAsciiCase, int[] wordLengths, char[][] keys, int[][] children, int[] fail,
                               int[] word, int[] nextWordNode) {
        this.foldAsciiCase = foldAsciiCase;
        this.wordLengths = wordLengths;
        this.keys = keys;
        this.children = children;
        this.fail = fail;
        this.word = word;
        this.nextWordNode = nextWordNode;
        Arrays.fill(rootAscii, -1);
        for (int i = 0; i < keys[ROOT].length; i++) {
            if (keys[ROOT][i] < 128) {
                rootAscii[keys[ROOT][i]] = children[ROOT][i];
            }
        }
    }

    /** A matcher for {@code words} (none empty; a repeated word keeps its first index). */
    static MultiStringMatcher of(List<String> words, boolean foldAsciiCase) {
        List<StringBuilder> keyLists = new ArrayList<>();
        List<List<Integer>> childLists = new ArrayList<>();
        List<Integer> wordAt = new ArrayList<>();
        keyLists.add(new StringBuilder());
        childLists.add(new ArrayList<>());
        wordAt.add(-1);
        int[] lengths = new int[words.size()];
        for (int w = 0; w < words.size(); w++) {
            String s = words.get(w);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("an empty word matches everywhere");
            }
            lengths[w] = s.length();
            int node = ROOT;
            for (int i = 0; i < s.length(); i++) {
                char c = fold(s.charAt(i), foldAsciiCase);
                int at = keyLists.get(node).indexOf(String.valueOf(c));
                if (at >= 0) {
                    node = childLists.get(node).get(at);
                } else {
                    int child = keyLists.size();
                    keyLists.add(new StringBuilder());
                    childLists.add(new ArrayList<>());
                    wordAt.add(-1);
                    keyLists.get(node).append(c);
                    childLists.get(node).add(child);
                    node = child;
                }
            }
            if (wordAt.get(node) < 0) {
                wordAt.set(node, w);
            }
        }
        int n = keyLists.size();
        char[][] keys = new char[n][];
        int[][] children = new int[n][];
        for (int node = 0; node < n; node++) {
            sortChildren(keyLists.get(node), childLists.get(node), keys, children, node);
        }
        int[] word = wordAt.stream().mapToInt(Integer::intValue).toArray();
        int[] fail = new int[n];
        int[] nextWordNode = new int[n];
        Arrays.fill(nextWordNode, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children[ROOT]) {
            fail[child] = ROOT;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int i = 0; i < keys[node].length; i++) {
                int child = children[node][i];
                int f = fail[node];
                int target;
                while ((target = step(keys, children, f, keys[node][i])) < 0 && f != ROOT) {
                    f = fail[f];
                }
                fail[child] = target < 0 || target == child ? ROOT : target;
                nextWordNode[child] = word[fail[child]] >= 0 ? fail[child] : nextWordNode[fail[child]];
                queue.add(child);
            }
        }
        return new MultiStringMatcher(foldAsciiCase, lengths, keys, children, fail, word, nextWordNode);
    }

    private static void sortChildren(StringBuilder keyList, List<Integer> childList, char[][] keys, int[][] children,
                                     int node) {
        Integer[] order = new Integer[keyList.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Character.compare(keyList.charAt(a), keyList.charAt(b)));
        keys[node] = new char[order.length];
        children[node] = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            keys[node][i] = keyList.charAt(order[i]);
            children[node][i] = childList.get(order[i]);
        }
    }

    private static int step(char[][] keys, int[][] children, int node, char c) {
        int at = Arrays.binarySearch(keys[node], c);
        return at < 0 ? -1 : children[node][at];
    }

    private static char fold(char c, boolean foldAsciiCase) {
        return foldAsciiCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Reports every occurrence in {@code text}, in the order of their ends (reads each character once). */
    void forEach(CharSequence text, Occurrence out) {
        int node = ROOT;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = fold(text.charAt(i), foldAsciiCase);
            int next;
            while (true) {
                next = node == ROOT ? (c < 128 ? rootAscii[c] : step(keys, children, ROOT, c)) : step(keys, children, node, c);
                if (next >= 0 || node == ROOT) {
                    break;
                }
                node = fail[node];
            }
            node = next < 0 ? ROOT : next;
            for (int m = word[node] >= 0 ? node : nextWordNode[node]; m >= 0; m = nextWordNode[m]) {
                int w = word[m];
                out.at(i + 1 - wordLengths[w], i + 1, w);
            }
        }
    }
}
