package dev.parapet.spi;

/**
 * A problem met while reading an API description; reading goes on past it.
 *
 * @param pointer JSON pointer (RFC 6901) to where the problem is, {@code ""} for the whole document
 * @param message what is wrong, one sentence a user can act on
 */
public record SpecWarning(String pointer, String message) {
}
