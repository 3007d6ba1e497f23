package dev.parapet.store;

/**
 * A store operation failed. The message is one line that says what happened and what to do about it (it never
 * carries a password from the database URL), so adapters print it as it is.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
