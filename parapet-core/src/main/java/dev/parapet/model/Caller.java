package dev.parapet.model;

/**
 * Whose credentials the engine attached to a request as it went on the wire: {@code ANONYMOUS} when it attached
 * none (an anonymous scan, an anonymous probe, a request to another origin), else the identity whose credentials
 * it carried. Evidence says how a request was sent from this, never from what a check meant to send.
 */
public enum Caller {
    ANONYMOUS("without credentials"),
    PRIMARY("with the supplied credentials"),
    SECONDARY("with the second identity's credentials");

    private final String phrase;

    Caller(String phrase) {
        this.phrase = phrase;
    }

    /** How evidence says the request was sent: {@code "without credentials"}, {@code "with the supplied credentials"}. */
    public String phrase() {
        return phrase;
    }

    public boolean carriedCredentials() {
        return this != ANONYMOUS;
    }
}
