package dev.parapet.checks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.Identity;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Refusals;

import java.net.URI;
import java.util.Optional;

/**
 * Shared helpers for the checks that compare the API description with the live API: the recorded (or, outside
 * passive mode, freshly probed) answer of a URL, a catch-all control, and whether an answer carries data.
 * Stateless and thread-safe.
 */
public final class SpecResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecResponses() {
    }

    /** Discovery's (or the spec stage's) answered GET of {@code uri}, else one probe when the mode allows it. */
    public static Optional<Exchange> answerOf(CheckContext ctx, URI uri) throws InterruptedException {
        Optional<Exchange> recorded = ctx.inventory().answeredGets().stream()
                .filter(e -> e.request().uri().equals(uri)).findFirst();
        if (recorded.isPresent() || ctx.mode() == ScanMode.PASSIVE) {
            return recorded;
        }
        Exchange e = ctx.probe(ProbeRequest.get(uri));
        return e.answered() ? Optional.of(e) : Optional.empty();
    }

    /**
     * Whether a made-up sibling of {@code uri} answers 2xx with the same body: the server answers anything (a
     * catch-all or SPA fallback), so a 2xx at {@code uri} proves nothing. In passive mode nothing is sent and the
     * answer is true, so callers stay quiet rather than guess.
     */
    public static boolean catchAll(CheckContext ctx, URI uri, Exchange answer) throws InterruptedException {
        if (ctx.mode() == ScanMode.PASSIVE) {
            return true;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String parent = path.endsWith("/") ? path : path.substring(0, path.lastIndexOf('/') + 1);
        Exchange control = ctx.probe(ProbeRequest.get(uri.resolve(parent + "parapet-control-7f3a9c")));
        return control.answered() && control.status() / 100 == 2 && control.body().equals(answer.body());
    }

    /**
     * The answer to a request without credentials: discovery's (or one plain probe's) in an anonymous scan, where
     * those carry none; else a probe {@linkplain Identity#ANONYMOUS as nobody}, since discovery's answers then
     * carry the user's credentials.
     */
    public static Optional<Exchange> anonymousAnswerOf(CheckContext ctx, URI uri) throws InterruptedException {
        if (!ctx.has(Identity.PRIMARY)) {
            return answerOf(ctx, uri);
        }
        Exchange e = ctx.probe(ProbeRequest.get(uri).as(Identity.ANONYMOUS));
        return e.answered() ? Optional.of(e) : Optional.empty();
    }

    /**
     * A 2xx JSON answer that {@link Refusals} judges granted: data beyond error messages and envelope metadata, so
     * {@code 200 {"error":"missing token"}} and {@code {"items":[],"total":0}} carry none.
     */
    public static boolean carriesData(Exchange e) {
        return e.answered() && e.status() / 100 == 2 && json(e).isPresent() && Refusals.granted(e);
    }

    public static Optional<JsonNode> json(Exchange e) {
        try {
            JsonNode n = JSON.readTree(e.body());
            return n != null && (n.isObject() || n.isArray()) ? Optional.of(n) : Optional.empty();
        } catch (java.io.IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The recorded exchange that delivered the spec, when it was read from a URL discovery or the user gave. */
    public static Optional<Exchange> specDocument(Inventory inv) {
        return inv.exchanges().stream().filter(Exchange::answered)
                .filter(e -> e.request().uri().toString().equals(inv.spec().source())).findFirst();
    }
}
