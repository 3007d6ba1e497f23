package dev.parapet.server;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable row ids (96 random bits, hex), so an id seen by one tenant says nothing about another's. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
