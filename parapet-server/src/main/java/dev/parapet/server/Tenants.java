package dev.parapet.server;

import dev.parapet.http.AllowPattern;
import org.jdbi.v3.core.Jdbi;

import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tenants: every key, job and result belongs to one. A tenant's stored {@code --allow-target} patterns admit
 * targets for its scans in addition to the server's. Thread-safe.
 */
final class Tenants {

    /** One tenant. {@code allowTargets} are {@link AllowPattern} texts. */
    record Tenant(String id, String name, List<String> allowTargets) {
        Tenant {
            allowTargets = List.copyOf(allowTargets);
        }
    }

    private final Jdbi jdbi;

    Tenants(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The tenant called {@code name}, created when there is none. Names are 1 to 64 letters, digits, dots, dashes
     * and underscores.
     *
     * @throws IllegalArgumentException for an invalid name
     */
    Tenant ensure(String name) {
        String n = validName(name);
        return Tx.inTransaction(jdbi, h -> {
            Optional<Tenant> existing = byName(n);
            if (existing.isPresent()) {
                return existing.get();
            }
            String id = Ids.next();
            h.createUpdate("INSERT INTO tenants (id, name, allow_targets, created_at) VALUES (:id, :name, '', :now)")
                    .bind("id", id).bind("name", n)
                    .bindByType("now", OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.class).execute();
            return new Tenant(id, n, List.of());
        });
    }

    Optional<Tenant> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, allow_targets FROM tenants WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2),
                        patterns(rs.getString(3)))).findOne());
    }

    Optional<Tenant> byId(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, allow_targets FROM tenants WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2),
                        patterns(rs.getString(3)))).findOne());
    }

    /**
     * Replaces the tenant's allowed target patterns (each parsed first, so a typo is refused before it is stored).
     *
     * @throws IllegalArgumentException naming the pattern that is not one
     */
    Tenant allowTargets(String name, List<String> patterns) {
        Tenant t = ensure(name);
        patterns.forEach(AllowPattern::parse);
        String text = String.join("\n", patterns.stream().map(String::strip).toList());
        Tx.useTransaction(jdbi, h -> h.createUpdate("UPDATE tenants SET allow_targets = :p WHERE id = :id")
                .bind("p", text).bind("id", t.id()).execute());
        return new Tenant(t.id(), t.name(), patterns(text));
    }

    private static List<String> patterns(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank())
                .toList();
    }

    static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a tenant name is 1 to 64 letters, digits, '.', '-' or '_', not '"
                    + (n.length() > 64 ? n.substring(0, 64) + "…" : n) + "'");
        }
        return n;
    }
}
