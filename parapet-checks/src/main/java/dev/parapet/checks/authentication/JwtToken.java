package dev.parapet.checks.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.parapet.model.Exchange;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON Web Token seen in the scan, parsed. {@code supplied}: the user sent it (a request header carried it), so
 * it may be replayed in forged variants; tokens the API issued are only analysed offline. {@code seenIn} is the
 * exchange that carried it first. Immutable.
 */
record JwtToken(String raw, Map<String, Object> header, Map<String, Object> claims, String alg, boolean supplied,
                Exchange seenIn) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JwtToken {
        header = Map.copyOf(header);
        claims = Map.copyOf(withoutNulls(claims));
    }

    /** Parses a compact JWS or unsecured JWT; empty for anything else (encrypted tokens included). */
    static Optional<JwtToken> parse(String raw, boolean supplied, Exchange seenIn) {
        try {
            JWT jwt = JWTParser.parse(raw);
            if (!(jwt instanceof SignedJWT) && !(jwt instanceof PlainJWT)) {
                return Optional.empty();
            }
            return Optional.of(new JwtToken(raw, jwt.getHeader().toJSONObject(),
                    jwt.getJWTClaimsSet().toJSONObject(), jwt.getHeader().getAlgorithm().getName(), supplied, seenIn));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> claims) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        claims.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The base64url header and payload segments, as signed: {@code header.payload}. */
    String signingInput() {
        return raw.substring(0, raw.lastIndexOf('.'));
    }

    String payloadSegment() {
        String input = signingInput();
        return input.substring(input.indexOf('.') + 1);
    }

    byte[] signature() {
        String sig = raw.substring(raw.lastIndexOf('.') + 1);
        return sig.isEmpty() ? new byte[0] : new Base64URL(sig).decode();
    }

    boolean hmac() {
        return alg.startsWith("HS");
    }

    /** {@code exp} in epoch seconds, when present and numeric. */
    Optional<Long> expiry() {
        return claims.get("exp") instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    Optional<Long> issuedAt() {
        return claims.get("iat") instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** A fresh, mutable copy of the claims as JSON, nested objects and arrays included. */
    ObjectNode claimsTree() {
        return JSON.valueToTree(claims);
    }

    /** A fresh, mutable copy of the header as JSON. */
    ObjectNode headerTree() {
        return JSON.valueToTree(header);
    }

    /**
     * Every claim at any depth by its dotted path ({@code user.role}, {@code data.isAdmin}, {@code groups[0]}),
     * leaves only, in payload order; arrays of scalars are one leaf. At most six levels down.
     */
    Map<String, JsonNode> flatClaims() {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        flatten("", claimsTree(), out, 0);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> out, int depth) {
        boolean container = node.isObject() || node.isArray()
                && java.util.stream.StreamSupport.stream(node.spliterator(), false).anyMatch(JsonNode::isContainerNode);
        if (!container || depth > 6) {
            out.put(path, node);
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(p -> flatten(path.isEmpty() ? p.getKey() : path + "." + p.getKey(), p.getValue(),
                    out, depth + 1));
        } else {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out, depth + 1);
            }
        }
    }

    /** A short, stable name for the token in fingerprints: its payload segment's hash, never the token. */
    String handle() {
        return Integer.toHexString(payloadSegment().hashCode());
    }
}
