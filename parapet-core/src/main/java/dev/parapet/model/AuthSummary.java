package dev.parapet.model;

/**
 * Whether and how the scan authenticated, so a report proves it instead of leaving the reader to guess.
 *
 * @param state                 what the scan learned about the credentials
 * @param identities            how many identities were supplied (0, 1 or 2)
 * @param authenticatedRequests requests that carried credentials
 * @param detail                one sentence a user can act on (for example why the credentials look rejected);
 *                              never a credential value
 */
public record AuthSummary(State state, int identities, long authenticatedRequests, String detail) {

    /** What the scan learned about the supplied credentials. */
    public enum State {
        /** No credentials were supplied: an anonymous scan. */
        NONE,
        /** Authenticated and anonymous answers differ on at least one endpoint. */
        ACCEPTED,
        /** The target answered 401/403 to the credentials where they were needed. */
        REJECTED,
        /** Credentials were sent but no endpoint answered differently without them. */
        UNVERIFIED
    }

    public static final AuthSummary NONE = new AuthSummary(State.NONE, 0, 0, "");

    public AuthSummary {
        detail = detail == null ? "" : detail;
    }
}
