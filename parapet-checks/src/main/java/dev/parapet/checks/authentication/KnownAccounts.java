package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.checks.support.SpecResponses;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;

import java.util.Optional;

/**
 * An account name a login most likely knows: one the target's own answers show under a user-name or email property
 * (the format the login's user field asks for, an email for an email field), else the first of the data file's
 * likely users in that format. Stateless.
 */
final class KnownAccounts {

    private KnownAccounts() {
    }

    static String likely(Inventory inv, CredentialForm login) {
        boolean email = login.emailUser();
        for (Exchange e : inv.answeredGets()) {
            Optional<String> found = SpecResponses.json(e).flatMap(n -> find(n, email, 0));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return CredentialForms.DATA.likelyUsers().stream().filter(u -> u.contains("@") == email).findFirst()
                .orElse(CredentialForms.DATA.likelyUsers().getFirst());
    }

    private static Optional<String> find(JsonNode n, boolean email, int depth) {
        if (depth > 5) {
            return Optional.empty();
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                Optional<String> f = find(c, email, depth + 1);
                if (f.isPresent()) {
                    return f;
                }
            }
            return Optional.empty();
        }
        if (!n.isObject()) {
            return Optional.empty();
        }
        for (var p : n.properties()) {
            String name = CredentialForms.normal(p.getKey());
            String v = p.getValue().isTextual() ? p.getValue().asText().strip() : "";
            boolean userField = CredentialForms.DATA.emailFields().contains(name)
                    || !email && CredentialForms.DATA.userFields().contains(name) && !name.equals("name");
            if (userField && !v.isEmpty() && v.length() <= 80 && v.contains("@") == email && !v.contains(" ")) {
                return Optional.of(v);
            }
        }
        for (var p : n.properties()) {
            Optional<String> f = find(p.getValue(), email, depth + 1);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
