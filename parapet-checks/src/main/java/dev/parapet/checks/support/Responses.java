package dev.parapet.checks.support;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the answered responses a passive check judges: every exchange discovery recorded, then a plain GET of
 * each known endpoint that has none yet (endpoints read from a spec, for example), while {@code maxFetches} and the
 * check's budget allow. URLs discovery already tried are not fetched again. URL templates ({@code /users/{id}}) are never fetched. Probes go through the engine, so
 * identical fetches by several checks are sent once.
 */
public final class Responses {

    private Responses() {
    }

    /** Answered exchanges, recorded ones first, each request URL once. */
    public static List<Exchange> toExamine(CheckContext ctx, int maxFetches) throws InterruptedException {
        List<Exchange> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Exchange e : ctx.inventory().exchanges()) {
            // a URL discovery already tried is never fetched again, answered or not
            if (seen.add(e.request().method() + " " + e.request().uri()) && e.answered()) {
                out.add(e);
            }
        }
        int fetched = 0;
        for (Endpoint endpoint : ctx.inventory().endpoints()) {
            if (fetched >= maxFetches || ctx.remainingBudget() <= 0) {
                break;
            }
            URI uri = endpoint.uri();
            if (!endpoint.method().equals("GET") || uri.toString().contains("{") || seen.contains("GET " + uri)) {
                continue;
            }
            seen.add("GET " + uri);
            fetched++;
            Exchange e = ctx.probe(ProbeRequest.get(uri));
            if (e.answered()) {
                out.add(e);
            }
        }
        return out;
    }
}
