package dev.parapet.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host names whose addresses were checked once and must not be looked up again while a scan runs: while a
 * {@link Pin} is open, every lookup of its name in this process ({@link PinningResolverProvider}, which the JDK
 * uses for every connection the HTTP client opens) answers the checked addresses, so a DNS answer that changes after
 * the check (DNS rebinding) cannot send the scan elsewhere. Pins are counted: several scans of one name share the
 * first pin's addresses until the last one closes. Thread-safe.
 */
public final class PinnedAddresses {

    private record Entry(List<InetAddress> addresses, int holders) {
    }

    private static final Map<String, Entry> PINS = new ConcurrentHashMap<>();

    private PinnedAddresses() {
    }

    /** An open pin; closing it lets the name be looked up normally again once no other scan holds it. */
    public interface Pin extends AutoCloseable {
        /** The addresses connections to the name go to while the pin is open. */
        List<InetAddress> addresses();

        @Override
        void close();
    }

    private static final Pin NONE = new Pin() {
        @Override
        public List<InetAddress> addresses() {
            return List.of();
        }

        @Override
        public void close() {
        }
    };

    /** A pin that holds nothing: for a literal address, which is never looked up. */
    public static Pin none() {
        return NONE;
    }

    /**
     * Pins {@code host} to {@code addresses} (or, when it is pinned already, joins that pin and its addresses).
     *
     * @throws IllegalArgumentException when {@code addresses} is empty
     */
    public static Pin pin(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a host is pinned to at least one address");
        }
        String key = key(host);
        Entry entry = PINS.compute(key, (k, old) -> old == null ? new Entry(List.copyOf(addresses), 1)
                : new Entry(old.addresses(), old.holders() + 1));
        List<InetAddress> pinned = entry.addresses();
        return new Pin() {
            private boolean closed;

            @Override
            public List<InetAddress> addresses() {
                return pinned;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    PINS.computeIfPresent(key, (k, old) -> old.holders() <= 1 ? null
                            : new Entry(old.addresses(), old.holders() - 1));
                }
            }
        };
    }

    /** The addresses {@code host} is pinned to, each carrying the name, or empty when it is not pinned. */
    static Optional<List<InetAddress>> lookup(String host) {
        Entry entry = PINS.get(key(host));
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(entry.addresses().stream().map(a -> named(host, a)).toList());
    }

    private static InetAddress named(String host, InetAddress a) {
        try {
            return InetAddress.getByAddress(host, a.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }

    private static String key(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
