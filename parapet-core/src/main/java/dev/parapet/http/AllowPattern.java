package dev.parapet.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code --allow-target} pattern. An address pattern ({@code 10.0.0.0/24}, {@code fd00::/8}, {@code 10.0.0.*},
 * {@code 203.0.113.7}) is judged against the addresses a target resolves to, never against the text of a name; a
 * name pattern ({@code api.example.com}, {@code *.staging.example.com}) is judged against the host name exactly
 * (case ignored), never against an address. In a name pattern {@code *} stands for one or more characters of one
 * label, and a leading {@code *.} for one or more whole labels. Shared by every adapter that admits targets (MCP,
 * server). Immutable.
 */
public sealed interface AllowPattern {

    /** A 4-octet IPv4 glob: each octet a number or {@code *}. */
    Pattern IPV4_GLOB = Pattern.compile("(\\d{1,3}|\\*)(\\.(\\d{1,3}|\\*)){3}");
    Pattern NAME = Pattern.compile("(\\*\\.)?([a-z0-9_*-]+\\.)*[a-z0-9_*-]+\\.?");

    String text();

    /** Whether this pattern admits the target's host name (address patterns never do). */
    default boolean admitsName(String host) {
        return false;
    }

    /** Whether this pattern admits an address the target resolved to (name patterns never do). */
    default boolean admitsAddress(InetAddress address) {
        return false;
    }

    /** Addresses in a network, {@code prefix} leading bits fixed. */
    record Network(String text, byte[] network, int prefix) implements AllowPattern {
        @Override
        public boolean admitsAddress(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** IPv4 addresses whose octets match, {@code -1} standing for any octet. */
    record OctetGlob(String text, int[] octets) implements AllowPattern {
        @Override
        public boolean admitsAddress(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != 4) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if (octets[i] >= 0 && octets[i] != (a[i] & 0xff)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Host names, matched whole. */
    record Name(String text, com.google.re2j.Pattern regex) implements AllowPattern {
        @Override
        public boolean admitsName(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return regex.matcher(h.endsWith(".") ? h.substring(0, h.length() - 1) : h).matches();
        }
    }

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException with a one-line reason when it is neither an address pattern nor a name
     */
    static AllowPattern parse(String pattern) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("--allow-target must not be empty");
        }
        if (p.startsWith("[") && p.endsWith("]")) {
            p = p.substring(1, p.length() - 1);
        }
        if (p.contains("/")) {
            return network(pattern, p);
        }
        if (IPV4_GLOB.matcher(p).matches()) {
            int[] octets = Arrays.stream(p.split("\\.")).mapToInt(o -> o.equals("*") ? -1 : octet(pattern, o))
                    .toArray();
            return new OctetGlob(pattern.strip(), octets);
        }
        if (p.contains(":")) {
            byte[] address = literal(pattern, p);
            return new Network(pattern.strip(), address, address.length * 8);
        }
        if (!NAME.matcher(p).matches() || p.replaceAll("[*.]", "").isEmpty()) {
            throw new IllegalArgumentException("--allow-target " + pattern.strip() + " is neither an address pattern "
                    + "(10.0.0.0/24, 10.0.0.*, fd00::/8) nor a host name (api.example.com, *.staging.example.com)");
        }
        String name = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
        String labels = "";
        if (name.startsWith("*.")) {
            labels = "(?:[a-z0-9_-]+\\.)+";
            name = name.substring(2);
        }
        String body = Arrays.stream(name.split("\\*", -1)).map(com.google.re2j.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[a-z0-9_-]+"));
        return new Name(pattern.strip(), com.google.re2j.Pattern.compile(labels + body));
    }

    private static AllowPattern network(String pattern, String p) {
        int slash = p.indexOf('/');
        byte[] address = literal(pattern, p.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(p.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("--allow-target " + pattern.strip() + ": the prefix length must be 0 to "
                    + address.length * 8);
        }
        return new Network(pattern.strip(), address, prefix);
    }

    private static int octet(String pattern, String o) {
        int v = Integer.parseInt(o);
        if (v > 255) {
            throw new IllegalArgumentException("--allow-target " + pattern.strip() + ": " + o + " is not an octet");
        }
        return v;
    }

    private static byte[] literal(String pattern, String address) {
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!v4 && !address.contains(":")) {
            throw new IllegalArgumentException("--allow-target " + pattern.strip() + ": " + address
                    + " is not an IP address");
        }
        try {
            // getByName performs no lookup for a literal address: it only parses it
            return InetAddress.getByName(v4 ? address : "[" + address + "]").getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--allow-target " + pattern.strip() + ": " + address
                    + " is not an IP address");
        }
    }
}
