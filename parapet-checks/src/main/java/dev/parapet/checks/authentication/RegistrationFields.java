package dev.parapet.checks.authentication;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a sign-up besides the user name and the password, filled so the account is plainly Parapet's:
 * emails get the marked address, other user-name fields the marker, name fields {@code Parapet Probe}, and fields
 * without a documented or page-given value {@code parapet}. Stateless.
 */
final class RegistrationFields {

    private RegistrationFields() {
    }

    static Map<String, String> fill(CredentialForm signup, String marker, String email) {
        Map<String, String> out = new LinkedHashMap<>();
        signup.otherFields().forEach((name, given) -> {
            String n = CredentialForms.normal(name);
            if (CredentialForms.DATA.get().emailFields().contains(n)) {
                out.put(name, email);
            } else if (CredentialForms.DATA.get().nameFields().contains(n)) {
                out.put(name, "Parapet Probe");
            } else if (CredentialForms.DATA.get().userFields().contains(n)) {
                out.put(name, marker);
            } else if (given.isBlank()) {
                out.put(name, "parapet");
            }
        });
        return out;
    }
}
