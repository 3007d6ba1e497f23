package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An account name a login most likely knows: one the target's own answers show under the login's own user field
 * ({@code username}), else under an email property for an email login or a user-name property otherwise, else
 * the first of the data file's likely users in the login's format. Stateless.
 */
final class KnownAccounts {

    /** Properties that hold a login name, besides the login's own field and emails. */
    private static final List<String> LOGIN_NAMES = List.of("username", "login", "loginname", "userlogin", "user",
            "handle", "nickname", "userid");

    private KnownAccounts() {
    }

    static String likely(Inventory inv, CredentialForm login) {
        boolean email = login.emailUser();
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(CredentialForms.normal(login.userField()));
        wanted.addAll(email ? CredentialForms.DATA.get().emailFields() : LOGIN_NAMES);
        List<JsonNode> answers = new ArrayList<>();
        for (Exchange e : inv.answeredGets()) {
            SpecResponses.json(e).ifPresent(answers::add);
        }
        for (String field : wanted) {
            for (JsonNode answer : answers) {
                Optional<String> found = find(answer, field, email, 0);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return CredentialForms.DATA.get().likelyUsers().stream().filter(u -> u.contains("@") == email).findFirst()
                .orElse(CredentialForms.DATA.get().likelyUsers().getFirst());
    }

    /** The first plausible value of {@code field} (normalised) anywhere in {@code n}, at most six levels down. */
    private static Optional<String> find(JsonNode n, String field, boolean email, int depth) {
        if (depth > 6 || !n.isContainerNode()) {
            return Optional.empty();
        }
        if (n.isObject()) {
            for (var p : n.properties()) {
                String v = p.getValue().isTextual() ? p.getValue().asText().strip() : "";
                if (CredentialForms.normal(p.getKey()).equals(field) && !v.isEmpty() && v.length() <= 80
                        && v.contains("@") == email && !v.contains(" ")) {
                    return Optional.of(v);
                }
            }
        }
        for (JsonNode child : n) {
            Optional<String> f = find(child, field, email, depth + 1);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
