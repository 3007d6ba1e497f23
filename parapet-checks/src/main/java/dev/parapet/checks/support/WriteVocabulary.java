package dev.parapet.checks.support;

import java.util.function.Supplier;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words the write checks share, loaded from {@code checks/writes/accounts.json}: how a login operation, a
 * token field, the caller's own account and a harmless field are named. Names are compared normalised
 * ({@link #normal}). Immutable.
 */
record WriteVocabulary(Set<String> loginWords, Set<String> tokenFields, Set<String> ownObjectSegments,
                       List<String> ownIdFields, Set<String> harmlessFields) {

    static final Supplier<WriteVocabulary> DEFAULT = CheckData.once(() -> CheckData.load("writes", "accounts.json", WriteVocabulary.class));

    WriteVocabulary {
        loginWords = Set.copyOf(loginWords);
        tokenFields = Set.copyOf(tokenFields);
        ownObjectSegments = Set.copyOf(ownObjectSegments);
        ownIdFields = List.copyOf(ownIdFields);
        harmlessFields = Set.copyOf(harmlessFields);
    }

    /** Lower case, letters and digits only: {@code is_admin}, {@code isAdmin} and {@code IS-ADMIN} are one name. */
    static String normal(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
