package dev.parapet.spi;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.List;

/**
 * What the scan knows about the target before checks run: the endpoints discovered, the exchanges recorded
 * while discovering them (probe once, judge many times), and the attack surface built from both and the API
 * description. Immutable; safe to share between checks.
 *
 * @param target       the URL the user gave, normalised
 * @param endpoints    every endpoint known, the target first
 * @param exchanges    discovery's answered exchanges, in the order they were made
 * @param apiDocuments URLs of API description documents that answered during discovery
 * @param spec         the API description read for this scan, {@link ApiSpec#EMPTY} when there is none
 * @param forms        the HTML forms discovery found on in-scope pages
 * @param surface      every operation and input point of the scan ({@link Surface#EMPTY} until the engine built it)
 */
public record Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments,
                        ApiSpec spec, List<HtmlForm> forms, Surface surface) {

    public Inventory {
        endpoints = List.copyOf(endpoints);
        exchanges = List.copyOf(exchanges);
        apiDocuments = List.copyOf(apiDocuments);
        spec = spec == null ? ApiSpec.EMPTY : spec;
        forms = forms == null ? List.of() : List.copyOf(forms);
        surface = surface == null ? Surface.EMPTY : surface;
    }

    /** An inventory with an API description, without forms and surface. */
    public Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments,
                     ApiSpec spec) {
        this(target, endpoints, exchanges, apiDocuments, spec, List.of(), Surface.EMPTY);
    }

    /** An inventory without an API description. */
    public Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments) {
        this(target, endpoints, exchanges, apiDocuments, ApiSpec.EMPTY);
    }

    /** The same inventory with {@code newSurface}. */
    public Inventory withSurface(Surface newSurface) {
        return new Inventory(target, endpoints, exchanges, apiDocuments, spec, forms, newSurface);
    }

    /** The first recorded exchange for the target URL itself, if it was answered. */
    public java.util.Optional<Exchange> targetExchange() {
        return exchanges.stream().filter(e -> e.request().method().equals("GET"))
                .filter(e -> e.request().uri().equals(target)).findFirst();
    }

    /** Answered GET exchanges for JSON or HTML endpoints inside the API, the natural bases for probing. */
    public List<Exchange> answeredGets() {
        return exchanges.stream().filter(Exchange::answered).filter(e -> e.request().method().equals("GET")).toList();
    }
}
