package dev.parapet.checks.ssrf;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ValueShape;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.TlsHandshake;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A context that answers every probe from {@code answer} without any network, records what the check asked for and
 * enforces the budget, so tests can see every probe value a check would send to a given target.
 */
final class RecordingContext implements CheckContext {

    /** More than one input point's screen and confirmation send. */
    private static final int BUDGET = 64;

    private final Inventory inventory;
    private final Function<URI, String> answer;
    private final int budget;
    final List<URI> sent = new CopyOnWriteArrayList<>();

    private RecordingContext(Inventory inventory, Function<URI, String> answer, int budget) {
        this.inventory = inventory;
        this.answer = answer;
        this.budget = budget;
    }

    /** A target whose root links {@code /avatar?url=<avatar>}; both pages are recorded as discovery would. */
    static RecordingContext avatarApi(URI target, String avatar, Function<URI, String> answer) {
        URI avatarUri = target.resolve("/avatar?url=" + avatar);
        Exchange root = json(target, rootBody(avatar));
        Exchange baseline = json(avatarUri, "{\"image\":\"placeholder\"}");
        Inventory inventory = new Inventory(target, List.of(new Endpoint("GET", target, Endpoint.Source.TARGET),
                new Endpoint("GET", avatarUri, Endpoint.Source.DISCOVERED)), List.of(root, baseline), List.of());
        return new RecordingContext(inventory, answer, BUDGET);
    }

    /** The {@code url} parameter of the {@link #avatarApi}'s avatar operation, as the engine would hand it out. */
    InputPoint avatarPoint() {
        Endpoint avatar = inventory.endpoints().get(1);
        String value = java.net.URLDecoder.decode(avatar.uri().getRawQuery().substring(4),
                java.nio.charset.StandardCharsets.UTF_8);
        Operation op = new Operation("GET", "/avatar", ProbeRequest.get(avatar.uri()), Endpoint.Source.DISCOVERED,
                java.util.Optional.empty(), java.util.Optional.empty());
        return new InputPoint(op, InputLocation.QUERY, "url", "url", value, List.of(), "", "", "", false,
                java.util.Set.of(ValueShape.URL), Endpoint.Source.DISCOVERED);
    }

    /** The root page of {@link #avatarApi}: what a server that fetched its own root through loopback returns. */
    static String rootBody(String avatar) {
        return "{\"name\":\"profile-api\",\"owner\":\"platform-team\",\"links\":{\"avatar\":\"/avatar?url=" + avatar + "\"}}";
    }

    static RecordingContext of(Inventory inventory, Function<URI, String> answer) {
        return new RecordingContext(inventory, answer, BUDGET);
    }

    static Exchange json(URI uri, String body) {
        return Exchange.answered(new HttpRequestRecord("GET", uri, Headers.EMPTY, ""),
                new HttpResponseRecord(200, Headers.of("Content-Type", "application/json"), body, body.length(),
                        false, ""), Duration.ofMillis(1), 0);
    }

    /** The decoded {@code url} values of every probe sent. */
    List<URI> probeValues() {
        return sent.stream().map(u -> URI.create(java.net.URLDecoder.decode(
                u.getRawQuery().substring(u.getRawQuery().indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
    }

    @Override
    public Inventory inventory() {
        return inventory;
    }

    @Override
    public ScanMode mode() {
        return ScanMode.SAFE;
    }

    @Override
    public Exchange probe(ProbeRequest request) {
        if (sent.size() >= budget) {
            throw new AssertionError("probe beyond the budget: " + request.uri());
        }
        sent.add(request.uri());
        return json(request.uri(), answer.apply(request.uri()));
    }

    @Override
    public int remainingBudget() {
        return budget - sent.size();
    }

    @Override
    public TlsHandshake tlsHandshake(String protocol) {
        throw new AssertionError("no TLS here");
    }
}
