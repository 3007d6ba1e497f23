package dev.parapet.server;

import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;

import java.time.Instant;
import java.util.List;

/**
 * What an administrator does from the command line, directly on the database: create, list and revoke API keys,
 * and set a tenant's allowed targets. Thread-safe.
 */
public final class ServerAdmin {

    /** A key as created: {@code key} is shown this once and never stored. */
    public record CreatedKey(String id, String key, String prefix, String tenant, String role) {
    }

    /** A key as listed, without its secret. {@code revokedAt} is null for a live key. */
    public record KeyRow(String id, String prefix, String tenant, String role, Instant createdAt, Instant revokedAt) {
    }

    private final ApiKeys keys;
    private final Tenants tenants;

    private ServerAdmin(ScanStore store) {
        this.tenants = new Tenants(store.jdbi());
        this.keys = new ApiKeys(store.jdbi(), tenants);
    }

    public static ServerAdmin open(StoreLocation db) {
        return new ServerAdmin(ServerDatabase.open(db));
    }

    /** @throws IllegalArgumentException for an invalid tenant name or role */
    public CreatedKey createKey(String tenant, String role) {
        ApiKeys.Created c = keys.create(tenant, Role.of(role));
        return new CreatedKey(c.id(), c.key(), c.prefix(), c.tenant(), c.role().id());
    }

    public List<KeyRow> listKeys(String tenant) {
        return keys.list(tenant).stream().map(k -> new KeyRow(k.id(), k.prefix(), k.tenant(), k.role().id(),
                k.createdAt(), k.revokedAt())).toList();
    }

    /** @return whether a key was revoked */
    public boolean revokeKey(String idOrPrefix) {
        return keys.revoke(idOrPrefix) > 0;
    }

    /** Replaces the tenant's allowed targets. @throws IllegalArgumentException naming an invalid pattern */
    public List<String> allowTargets(String tenant, List<String> patterns) {
        return tenants.allowTargets(tenant, patterns).allowTargets();
    }
}
