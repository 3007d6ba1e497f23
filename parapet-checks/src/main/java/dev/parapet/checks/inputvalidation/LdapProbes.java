package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.support.CheckData;

import java.util.List;

/**
 * What {@link LdapInjectionCheck} sends and reads, from {@code checks/ldap-injection/probes.json}. Immutable once
 * loaded; safe to share between threads.
 */
record LdapProbes(String breaking, String control, String wildcard, String structural, String escapedStructural,
                  List<StackErrorTexts.StackError> errors) {

    static LdapProbes load() {
        return CheckData.load("ldap-injection", "probes.json", LdapProbes.class);
    }
}
