package dev.parapet.mcp;

import java.util.function.Supplier;

/**
 * Opens a resource on first use and keeps it; a failed attempt is not remembered, so a store that was unreachable
 * at one call can be reached at the next. Thread-safe.
 */
public final class OnceOpened<T> implements Supplier<T> {

    private final Supplier<T> opener;
    private T value;

    public OnceOpened(Supplier<T> opener) {
        this.opener = opener;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = opener.get();
        }
        return value;
    }
}
