package dev.parapet.checks.propertyauthorization;

import dev.parapet.checks.support.CheckData;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Property names that matter for property-level authorization, compared case- and separator-insensitively
 * ({@code is_admin}, {@code isAdmin} and {@code IS-ADMIN} are one name). Data: {@code properties.json}.
 *
 * @param sensitiveResponse names whose values must never leave the server
 * @param privilegedRequest names a client must not be able to set (mass-assignment surface)
 */
record PropertyNames(List<String> sensitiveResponse, List<String> privilegedRequest) {

    static PropertyNames load() {
        return CheckData.load("spec-property-overexposure", "properties.json", PropertyNames.class);
    }

    boolean sensitive(String name) {
        return Set.copyOf(sensitiveResponse).contains(normal(name));
    }

    boolean privileged(String name) {
        return Set.copyOf(privilegedRequest).contains(normal(name));
    }

    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
