package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One place that takes a user name and a password ({@link CredentialForms}): where it posts, as JSON or as a form,
 * the user and password fields, the password confirmations a sign-up asks for, and every other field with the value
 * the description, the surface or the page gives it (a form's hidden CSRF token, say). Immutable.
 */
record CredentialForm(URI uri, boolean json, String userField, String passwordField, List<String> confirmFields,
                      Map<String, String> otherFields, String source) {

    private static final ObjectMapper JSON = new ObjectMapper();

    CredentialForm {
        confirmFields = List.copyOf(confirmFields);
        otherFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
    }

    /** Whether the user field takes an email address rather than a user name. */
    boolean emailUser() {
        return CredentialForms.DATA.get().emailFields().contains(CredentialForms.normal(userField));
    }

    /** An anonymous POST of {@code user} and {@code password}, other fields as {@code others} says (or as given). */
    ProbeRequest post(String user, String password, Map<String, String> others) {
        Map<String, String> fields = new LinkedHashMap<>(otherFields);
        fields.putAll(others);
        fields.put(userField, user);
        fields.put(passwordField, password);
        confirmFields.forEach(c -> fields.put(c, password));
        ProbeRequest post = ProbeRequest.of("POST", uri).as(Identity.ANONYMOUS).withHeader("Accept", "application/json");
        if (json) {
            ObjectNode body = JSON.createObjectNode();
            fields.forEach(body::put);
            return post.withBody("application/json", body.toString());
        }
        StringJoiner form = new StringJoiner("&");
        fields.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return post.withBody("application/x-www-form-urlencoded", form.toString());
    }

    /** An anonymous POST of {@code user} and {@code password} with the other fields as given. */
    ProbeRequest post(String user, String password) {
        return post(user, password, Map.of());
    }

    /** {@code POST /login (JSON: email, password; documented POST /auth/login)}, for evidence. */
    String describe() {
        return "POST " + uri.getRawPath() + " (" + (json ? "JSON" : "form") + ": " + userField + ", " + passwordField
                + "; " + source + ")";
    }
}
