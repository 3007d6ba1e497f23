package dev.parapet.mcp;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool call's arguments, read strictly: an argument the tool does not declare is refused rather than ignored, so
 * nothing an assistant sends (a header, a token) can be silently dropped or half-applied.
 */
final class Args {

    private final String tool;
    private final Map<String, Object> values;

    Args(String tool, Map<String, Object> values, Set<String> declared) {
        this.tool = tool;
        this.values = values == null ? Map.of() : values;
        Set<String> unknown = new TreeSet<>(this.values.keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new ToolException(tool + " does not accept " + String.join(", ", unknown) + " (accepted: "
                    + (declared.isEmpty() ? "no arguments" : String.join(", ", new TreeSet<>(declared))) + ")");
        }
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String text(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new ToolException(tool + ": " + name + " must be a string");
        }
        return s.strip();
    }

    String requiredText(String name) {
        String v = text(name);
        if (v == null || v.isEmpty()) {
            throw new ToolException(tool + ": " + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw new ToolException(tool + ": " + name + " must be a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }
}
