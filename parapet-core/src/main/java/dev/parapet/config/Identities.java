package dev.parapet.config;

/** The credentials of the user's main identity and of an optional second one, for cross-user tests. */
public record Identities(Credentials primary, Credentials secondary) {

    public static final Identities NONE = new Identities(Credentials.NONE, Credentials.NONE);

    public Identities {
        primary = primary == null ? Credentials.NONE : primary;
        secondary = secondary == null ? Credentials.NONE : secondary;
    }
}
