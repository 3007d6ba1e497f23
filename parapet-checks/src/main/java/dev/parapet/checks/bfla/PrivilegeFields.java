package dev.parapet.checks.bfla;

import dev.parapet.checks.support.CheckData;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Properties that describe an account's privileges, and the values that mark a privileged account. Data:
 * {@code fields.json}.
 *
 * @param privilegeFields names, lower case without separators ({@code isAdmin} and {@code is_admin} are one)
 * @param privilegedValue values of a privileged account ({@code admin}, {@code true}, {@code *})
 */
record PrivilegeFields(List<String> privilegeFields, Pattern privilegedValue) {

    static PrivilegeFields load() {
        return CheckData.load("privilege-field-exposure", "fields.json", PrivilegeFields.class);
    }

    boolean privilegeField(String name) {
        return privilegeFields.contains(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }
}
