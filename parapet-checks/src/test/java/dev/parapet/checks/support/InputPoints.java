package dev.parapet.checks.support;

import dev.parapet.model.Endpoint;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.Operation;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.ValueShape;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Input points for unit tests of {@code appliesTo}: what the engine would build, with the shapes given. */
public final class InputPoints {

    private InputPoints() {
    }

    /** A query parameter of {@code GET http://127.0.0.1:9/items?name=value}. */
    public static InputPoint query(String name, String value, ValueShape... shapes) {
        URI uri = URI.create("http://127.0.0.1:9/items?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
        Operation op = new Operation("GET", "/items", ProbeRequest.get(uri), Endpoint.Source.DISCOVERED,
                Optional.empty(), Optional.empty());
        return new InputPoint(op, InputLocation.QUERY, name, name, value, List.of(), "", "", "", false,
                Set.of(shapes), Endpoint.Source.DISCOVERED);
    }
}
