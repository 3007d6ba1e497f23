package dev.parapet.server;

import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys. A key is {@code pk_} and 256 random bits (SecureRandom, URL-safe Base64); it is shown once, when
 * created. The database keeps its SHA-256 (hex) and its first {@value #PREFIX_LENGTH} characters: the prefix finds
 * the candidate rows, and the hashes are compared with {@link MessageDigest#isEqual} (constant time), so neither
 * the stored rows nor the timing of a check give the key away. Thread-safe.
 */
final class ApiKeys {

    static final String KEY_PREFIX = "pk_";
    /** {@code pk_} and 8 characters: enough to tell keys apart in a listing, far too few to guess the rest. */
    static final int PREFIX_LENGTH = 11;
    private static final int KEY_LENGTH = KEY_PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a request acts for. */
    record Principal(String keyId, String tenantId, String tenantName, Role role) {
    }

    /** A key just created: {@code key} is the only time the secret is seen. */
    record Created(String id, String key, String prefix, String tenant, Role role) {
    }

    /** A key as listed: never the secret. */
    record Listed(String id, String prefix, String tenant, Role role, Instant createdAt, Instant revokedAt) {
    }

    private final Jdbi jdbi;
    private final Tenants tenants;

    ApiKeys(Jdbi jdbi, Tenants tenants) {
        this.jdbi = jdbi;
        this.tenants = tenants;
    }

    Created create(String tenantName, Role role) {
        Tenants.Tenant tenant = tenants.ensure(tenantName);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = Ids.next();
        String prefix = key.substring(0, PREFIX_LENGTH);
        Tx.useTransaction(jdbi, h -> h.createUpdate("INSERT INTO api_keys (id, tenant_id, prefix, key_hash, role, "
                        + "created_at) VALUES (:id, :tenant, :prefix, :hash, :role, :now)")
                .bind("id", id).bind("tenant", tenant.id()).bind("prefix", prefix).bind("hash", sha256(key))
                .bind("role", role.id()).bindByType("now", OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.class)
                .execute());
        return new Created(id, key, prefix, tenant.name(), role);
    }

    /** The principal of an unrevoked key, or empty for anything else (malformed, unknown, revoked). */
    Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented).getBytes(StandardCharsets.US_ASCII);
        List<Object[]> candidates = jdbi.withHandle(h -> h.createQuery("SELECT k.id, k.key_hash, k.role, t.id, t.name "
                        + "FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.prefix = :prefix "
                        + "AND k.revoked_at IS NULL")
                .bind("prefix", presented.substring(0, PREFIX_LENGTH))
                .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}).list());
        Principal found = null;
        for (Object[] c : candidates) {
            if (MessageDigest.isEqual(hash, ((String) c[1]).getBytes(StandardCharsets.US_ASCII))) {
                found = new Principal((String) c[0], (String) c[3], (String) c[4], Role.of((String) c[2]));
            }
        }
        return Optional.ofNullable(found);
    }

    /** Keys, oldest first; of one tenant when {@code tenantName} is not null. */
    List<Listed> list(String tenantName) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT k.id, k.prefix, t.name, k.role, k.created_at, k.revoked_at FROM api_keys k "
                    + "JOIN tenants t ON t.id = k.tenant_id" + (tenantName == null ? "" : " WHERE t.name = :tenant")
                    + " ORDER BY k.created_at, k.id");
            if (tenantName != null) {
                q.bind("tenant", tenantName);
            }
            return q.map((rs, ctx) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
                    Role.of(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant(),
                    rs.getObject(6, OffsetDateTime.class) == null ? null
                            : rs.getObject(6, OffsetDateTime.class).toInstant())).list();
        });
    }

    /**
     * Revokes the key with this id or prefix; it stops working at once.
     *
     * @return how many keys were revoked (0 when none matched; a prefix two keys share revokes neither and says so)
     * @throws IllegalArgumentException when a prefix matches more than one key
     */
    int revoke(String idOrPrefix) {
        String wanted = idOrPrefix == null ? "" : idOrPrefix.strip();
        return Tx.inTransaction(jdbi, h -> {
            List<String> ids = h.createQuery("SELECT id FROM api_keys WHERE (id = :w OR prefix = :w) "
                    + "AND revoked_at IS NULL").bind("w", wanted).mapTo(String.class).list();
            if (ids.size() > 1) {
                throw new IllegalArgumentException("'" + wanted + "' matches " + ids.size()
                        + " keys; revoke by id (parapet server keys list shows them)");
            }
            if (ids.isEmpty()) {
                return 0;
            }
            return h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id")
                    .bindByType("now", OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.class)
                    .bind("id", ids.getFirst()).execute();
        });
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
