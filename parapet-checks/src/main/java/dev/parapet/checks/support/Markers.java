package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Values that say they are Parapet's, so what a write check creates can be told apart, found and removed: a fresh
 * nonce per create, user names {@code parapet-<nonce>}, e-mails {@code parapet-<nonce>@example.com} (a domain
 * reserved for examples, which e-mail validators accept) and a strong password, so validation and uniqueness
 * rules accept the request. Thread-safe.
 *
 * @param nonce 10 random hexadecimal digits
 */
public record Markers(String nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Markers fresh() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return new Markers(HexFormat.of().formatHex(b));
    }

    /** {@code parapet-<nonce>}. */
    public String text() {
        return "parapet-" + nonce;
    }

    public String email() {
        return text() + "@example.com";
    }

    /** Upper and lower case, digits and symbols, 17 characters: what password rules ask for. */
    public String password() {
        return "Pp-" + nonce + "-9x!";
    }

    /** The value that marks an input of {@code shape} ({@link ValueShape#EMAIL}, USERNAME, PASSWORD), or null. */
    public String valueFor(InputPoint p) {
        if (p.is(ValueShape.PASSWORD)) {
            return password();
        }
        if (p.is(ValueShape.EMAIL) || p.format().equals("email")) {
            return email();
        }
        return p.is(ValueShape.USERNAME) ? text() : null;
    }

    /**
     * {@code body} with every string field the surface judged to be an e-mail, a user name or a password (among
     * {@code inputs}, the operation's JSON inputs) set to this marker's value, so a create is unique and findable.
     */
    public ObjectNode marked(ObjectNode body, List<InputPoint> inputs) {
        ObjectNode out = body.deepCopy();
        for (InputPoint p : inputs) {
            String v = p.location() == InputLocation.JSON && !p.type().equals("integer")
                    && !p.type().equals("number") && !p.type().equals("boolean") ? valueFor(p) : null;
            if (v != null) {
                WriteBodies.set(out, p.locator(), TextNode.valueOf(v));
            }
        }
        return out;
    }
}
