package dev.parapet.config;

/** A configuration value is wrong. The message is one line that says what to type instead. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
