package dev.parapet.spi;

import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * An inventory's recorded exchanges: an immutable list (equal to any list of the same exchanges) that also answers
 * "the first answered GET of this URL" in constant time, so checks that look up a recorded answer per endpoint or per
 * input point do not walk every exchange each time. The index is built on first use; thread-safe (a race builds
 * equal indexes twice, never a partial one).
 */
final class RecordedExchanges extends AbstractList<Exchange> implements RandomAccess {

    private final List<Exchange> exchanges;
    private volatile Index index;

    private record Index(List<Exchange> answeredGets, Map<URI, Exchange> firstGetByUri) {
    }

    private RecordedExchanges(List<Exchange> exchanges) {
        this.exchanges = exchanges;
    }

    static List<Exchange> of(List<Exchange> exchanges) {
        return exchanges instanceof RecordedExchanges r ? r : new RecordedExchanges(List.copyOf(exchanges));
    }

    static RecordedExchanges cast(List<Exchange> list) {
        return (RecordedExchanges) list;
    }

    @Override
    public Exchange get(int i) {
        return exchanges.get(i);
    }

    @Override
    public int size() {
        return exchanges.size();
    }

    /** Answered GETs, in recording order. */
    List<Exchange> answeredGets() {
        return index().answeredGets();
    }

    /** The first answered GET whose URL equals {@code uri}. */
    Optional<Exchange> answeredGet(URI uri) {
        return Optional.ofNullable(index().firstGetByUri().get(uri));
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            List<Exchange> gets = exchanges.stream().filter(Exchange::answered)
                    .filter(e -> e.request().method().equals("GET")).toList();
            Map<URI, Exchange> byUri = new HashMap<>();
            for (Exchange e : gets) {
                byUri.putIfAbsent(e.request().uri(), e);
            }
            i = new Index(gets, byUri);
            index = i;
        }
        return i;
    }
}
