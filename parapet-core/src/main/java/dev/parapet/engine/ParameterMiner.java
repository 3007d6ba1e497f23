package dev.parapet.engine;

import dev.parapet.model.Exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Finds query parameters a GET endpoint reacts to although nothing names them (Arjun's idea, bounded): one request
 * carries a batch of common names with a random value; when its answer differs from the baselines, the batch is
 * split in halves (the half not sent is inferred to differ when the sent half does not) until single names are
 * left, each confirmed by a request of its own.
 *
 * <p>Baselines: the endpoint's plain answer, and its answer with one made-up parameter, which shows what varies
 * anyway. A feature (status, kind, shape, length, body hash, all taken after removing what the request echoed) is
 * compared only when both baselines agree on it; an endpoint whose plain and made-up answers differ in status or
 * shape reacts to any parameter and is not mined. A random value showing up in a batch's answer counts too, unless
 * the made-up parameter's value showed up in its baseline. At most {@code maxRequests} requests per endpoint, URLs
 * at most {@link #MAX_QUERY} characters of query. Not thread-safe: one miner per endpoint.
 */
final class ParameterMiner {

    /** Query characters per request: well under the 8 KiB request line that nginx, Apache and Node accept. */
    static final int MAX_QUERY = 4_000;

    /** Sends one GET and returns its exchange. */
    @FunctionalInterface
    interface Sender {
        Exchange get(URI uri) throws InterruptedException;
    }

    private final Sender sender;
    private final List<String> names;
    private final int maxRequests;
    private final RandomGenerator random;
    private int used;

    ParameterMiner(Sender sender, List<String> names, int maxRequests, RandomGenerator random) {
        this.sender = sender;
        this.names = List.copyOf(names);
        this.maxRequests = maxRequests;
        this.random = random;
    }

    /** Requests sent so far. */
    int used() {
        return used;
    }

    /** The names {@code endpoint} (a URL without a query) reacts to, given its plain answer {@code plain}. */
    List<String> mine(URI endpoint, Exchange plain) throws InterruptedException {
        if (!plain.answered() || used >= maxRequests) {
            return List.of();
        }
        String madeUpName = "parapet" + token(4);
        String madeUpValue = token(5);
        Exchange madeUp = send(endpoint, List.of(madeUpName), madeUpValue);
        Baseline base = new Baseline(plain, madeUp, madeUpName, madeUpValue);
        if (!base.usable()) {
            return List.of();
        }
        Deque<Group> work = new ArrayDeque<>();
        for (List<String> batch : batches(endpoint)) {
            work.add(new Group(batch, false));
        }
        List<String> found = new ArrayList<>();
        while (!work.isEmpty() && used < maxRequests) {
            Group g = work.pop();
            String probeValue = token(5);
            boolean differs = g.knownToDiffer()
                    || base.differs(send(endpoint, g.names(), probeValue), probeValue);
            if (!differs) {
                continue;
            }
            if (g.names().size() == 1) {
                found.add(g.names().getFirst());
                continue;
            }
            List<String> a = g.names().subList(0, g.names().size() / 2);
            List<String> b = g.names().subList(g.names().size() / 2, g.names().size());
            if (used >= maxRequests) {
                break;
            }
            String value = token(5);
            if (base.differs(send(endpoint, a, value), value)) {
                // b may hold a second name: test it later, after a is narrowed down
                work.addLast(new Group(List.copyOf(b), false));
                work.push(new Group(List.copyOf(a), true));
            } else {
                // the batch changed the answer and a did not: b holds the cause (a single name still gets its own
                // request before it counts)
                work.push(new Group(List.copyOf(b), b.size() > 1));
            }
        }
        return found;
    }

    /** Names that go together, each batch's query within {@link #MAX_QUERY}. */
    private List<List<String>> batches(URI endpoint) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String n : names) {
            int add = n.length() + TOKEN_LENGTH + 2;
            if (length + add > MAX_QUERY && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(n);
            length += add;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private Exchange send(URI endpoint, List<String> batch, String value) throws InterruptedException {
        used++;
        StringBuilder q = new StringBuilder();
        for (String n : batch) {
            q.append(q.isEmpty() ? "" : "&").append(URLEncoder.encode(n, StandardCharsets.UTF_8)).append('=')
                    .append(value);
        }
        return sender.get(URI.create(endpoint + "?" + q));
    }

    /** Length of a batch's value: {@code p} and ten hex digits. */
    private static final int TOKEN_LENGTH = 11;

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return "p" + HexFormat.of().formatHex(b);
    }

    /**
     * A batch of names; {@code knownToDiffer} when its own request changed the answer, or (for more than one name)
     * when it was inferred to, so it is split without being sent again.
     */
    private record Group(List<String> names, boolean knownToDiffer) {
    }

    /** The two baselines and what they agree on. */
    private static final class Baseline {
        final ResponseShape plain;
        final ResponseShape madeUp;
        final boolean reflectsValues;
        final int lengthSpread;

        Baseline(Exchange plainExchange, Exchange madeUpExchange, String madeUpName, String madeUpValue) {
            this.plain = ResponseShape.of(plainExchange, List.of());
            this.madeUp = ResponseShape.of(madeUpExchange, echoes(madeUpExchange, List.of(madeUpName), madeUpValue));
            this.reflectsValues = madeUpExchange.body().contains(madeUpValue);
            this.lengthSpread = Math.abs(plain.length() - madeUp.length());
        }

        /** Usable when a made-up parameter leaves status, kind and shape as they were. */
        boolean usable() {
            return madeUp.status() != 0 && plain.status() == madeUp.status() && plain.kind().equals(madeUp.kind())
                    && plain.shape().equals(madeUp.shape());
        }

        boolean differs(Exchange probe, String value) {
            if (!probe.answered()) {
                return false;
            }
            ResponseShape s = ResponseShape.of(probe, echoes(probe, List.of(), value));
            if (s.status() != madeUp.status() || !s.kind().equals(madeUp.kind()) || !s.shape().equals(madeUp.shape())) {
                return true;
            }
            if (!reflectsValues && probe.body().contains(value)) {
                return true;
            }
            if (plain.hash() == madeUp.hash()) {
                return s.hash() != madeUp.hash();
            }
            int tolerance = Math.max(16, Math.max(3 * lengthSpread, madeUp.length() / 20));
            return Math.abs(s.length() - madeUp.length()) > tolerance;
        }

        /** The request's query as the answer may repeat it: raw, and the value alone. */
        private static List<String> echoes(Exchange e, List<String> names, String value) {
            List<String> out = new ArrayList<>();
            String rawQuery = e.request().uri().getRawQuery();
            if (rawQuery != null) {
                out.add(rawQuery);
                out.add("?" + rawQuery);
                String decoded = e.request().uri().getQuery();
                if (decoded != null && !decoded.equals(rawQuery)) {
                    out.add(decoded);
                }
            }
            out.addAll(names);
            out.add(value);
            return out;
        }
    }
}
