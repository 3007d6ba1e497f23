package dev.parapet.engine;

import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Safe mode's promise about state: a GET that looks as if it changes the target ({@code /createdb}, {@code /reset},
 * an operation whose id or summary says so; see {@link StateChange}) is never sent by a check, never repeated and
 * never burst. A check asking for exactly the plain request discovery already made gets discovery's recorded
 * answer (no new request); anything else is refused, unsent, with the reason. Active mode, where the user
 * declared the target as theirs, is not guarded. Immutable and thread-safe.
 */
final class SafeModeGuard {

    private final boolean active;
    private final SurfaceIndex index;
    private final StateChange stateChange;
    private final Map<URI, Exchange> recorded = new HashMap<>();

    SafeModeGuard(ScanMode mode, SurfaceIndex index, StateChange stateChange, List<Exchange> discovered) {
        this.active = mode == ScanMode.ACTIVE;
        this.index = index;
        this.stateChange = stateChange;
        for (Exchange e : discovered) {
            if (e.request().method().equals("GET")) {
                recorded.putIfAbsent(e.request().uri(), e);
            }
        }
    }

    /** What to hand back instead of sending {@code probe}, or empty to send it. */
    Optional<Exchange> intercept(ProbeRequest probe) {
        if (active || !(probe.method().equals("GET") || probe.method().equals("HEAD"))) {
            return Optional.empty();
        }
        Optional<String> why = index.of(probe.method(), probe.uri()).flatMap(Operation::changesState)
                .or(() -> stateChange.ofPath(probe.method(), probe.uri().getRawPath()));
        if (why.isEmpty()) {
            return Optional.empty();
        }
        boolean plain = probe.method().equals("GET") && probe.headers().fields().isEmpty() && probe.body().isEmpty();
        Exchange earlier = recorded.get(probe.uri());
        if (plain && earlier != null) {
            return Optional.of(earlier);
        }
        return Optional.of(Exchange.failed(new HttpRequestRecord(probe.method(), probe.uri(), probe.headers(),
                probe.body()), ExchangeOutcome.REFUSED, "not sent in safe mode: " + probe.method() + " "
                + probe.uri().getRawPath() + " looks as if it changes the target (" + why.get()
                + "); give --mode active with --i-own for a target you own", Duration.ZERO));
    }
}
