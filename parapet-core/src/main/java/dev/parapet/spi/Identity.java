package dev.parapet.spi;

/**
 * Whose credentials a probe carries. {@code PRIMARY} is the user's main identity ({@code --auth-*}), and is what
 * every probe carries unless a check asks otherwise; without credentials it is the same as {@code ANONYMOUS}.
 * {@code SECONDARY} is the second identity ({@code --auth2-*}) for cross-user tests. {@code ANONYMOUS} strips
 * every credential. The engine attaches credentials only to requests for the target's own origin.
 */
public enum Identity {
    PRIMARY, SECONDARY, ANONYMOUS
}
