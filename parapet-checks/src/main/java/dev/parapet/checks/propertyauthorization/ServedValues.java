package dev.parapet.checks.propertyauthorization;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sensitive values one JSON answer serves, sorted by what they are rather than by what they are called:
 * plaintext passwords (and how many records pair one with an account name, a working login each), password
 * digests and hashes, other credentials (secrets, API keys, tokens, salts) and internal properties. Property names
 * map to their first value. Built by one thread for one answer.
 */
final class ServedValues {

    /** JSON nodes walked per answer: a page of records, bounded for huge bodies. */
    private static final int MAX_NODES = 5_000;

    final Map<String, String> plaintext = new LinkedHashMap<>();
    final Map<String, String> hashed = new LinkedHashMap<>();
    final Map<String, String> credentials = new LinkedHashMap<>();
    final Map<String, String> internal = new LinkedHashMap<>();
    /** Records holding a plaintext password beside a property that names the account. */
    int logins;
    /** The account property of the first such record, for evidence. */
    String accountProperty = "";

    private final SensitiveProperties names;
    private final boolean tokenRoute;
    private final Set<String> elsewhere = new HashSet<>();
    private int visited;

    private ServedValues(SensitiveProperties names, boolean tokenRoute) {
        this.names = names;
        this.tokenRoute = tokenRoute;
    }

    /**
     * What {@code root} serves. {@code tokenRoute}: the answer of a login or token route, whose token is the point
     * of the route. A property another data-exposure check reports by its value's format (a bcrypt hash, a JWT, an
     * SSN) is left to that check for the whole answer.
     */
    static ServedValues of(JsonNode root, SensitiveProperties names, boolean tokenRoute) {
        ServedValues v = new ServedValues(names, tokenRoute);
        v.walk(root);
        for (Map<String, String> m : java.util.List.of(v.plaintext, v.hashed, v.credentials)) {
            m.keySet().removeAll(v.elsewhere);
        }
        return v;
    }

    boolean any() {
        return !plaintext.isEmpty() || !hashed.isEmpty() || !credentials.isEmpty() || !internal.isEmpty();
    }

    private void walk(JsonNode node) {
        if (visited++ > MAX_NODES) {
            return;
        }
        if (node.isArray()) {
            node.forEach(this::walk);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String account = accountIn(node);
        boolean pairedHere = false;
        for (Map.Entry<String, JsonNode> p : node.properties()) {
            String name = p.getKey();
            JsonNode v = p.getValue();
            String normal = PropertyNames.normal(name);
            boolean value = (v.isTextual() || v.isNumber()) && !names.notAValue().matcher(v.asText()).matches();
            if (value && names.credentials().contains(normal)) {
                String text = v.asText();
                if (SensitiveProperties.reportedElsewhere(name, text)) {
                    elsewhere.add(name);
                } else if (workingDirectory(normal, text)) {
                    continue;
                } else if (names.passwordProperties().contains(normal)) {
                    boolean digest = names.hashedValue().matcher(text).matches();
                    (digest ? hashed : plaintext).putIfAbsent(name, text);
                    if (!digest && account != null && !pairedHere) {
                        pairedHere = true;
                        logins++;
                        accountProperty = accountProperty.isEmpty() ? account : accountProperty;
                    }
                } else if (!(tokenRoute && normal.contains("token"))) {
                    credentials.putIfAbsent(name, text);
                }
            } else if (names.internal().contains(normal) && (value || v.isBoolean() && v.asBoolean())) {
                internal.putIfAbsent(name, v.asText());
            } else if (v.isContainerNode()) {
                walk(v);
            }
        }
    }

    /**
     * {@code PWD} (and {@code OLDPWD}) in an environment dump is the shell's working directory, not a password: its
     * value is an absolute path. The dump itself is reported by the debug and secret checks.
     */
    private static boolean workingDirectory(String normal, String text) {
        return (normal.equals("pwd") || normal.equals("oldpwd")) && ABSOLUTE_PATH.matcher(text).lookingAt();
    }

    private static final java.util.regex.Pattern ABSOLUTE_PATH = java.util.regex.Pattern.compile("/|[A-Za-z]:\\\\");

    /** The first property of {@code object} naming an account with a real value, or null. */
    private String accountIn(JsonNode object) {
        for (Map.Entry<String, JsonNode> p : object.properties()) {
            if (names.accountProperties().contains(PropertyNames.normal(p.getKey())) && p.getValue().isValueNode()
                    && !p.getValue().asText().isBlank()) {
                return p.getKey();
            }
        }
        return null;
    }
}
