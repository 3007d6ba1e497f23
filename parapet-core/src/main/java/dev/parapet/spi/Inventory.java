package dev.parapet.spi;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;

import java.net.URI;
import java.util.List;

/**
 * What the scan knows about the target before checks run: the endpoints discovered and the exchanges recorded
 * while discovering them (probe once, judge many times). Immutable; safe to share between checks.
 *
 * @param target       the URL the user gave, normalised
 * @param endpoints    every endpoint known, the target first
 * @param exchanges    discovery's answered exchanges, in the order they were made
 * @param apiDocuments URLs of API description documents that answered during discovery
 * @param spec         the API description read for this scan, {@link ApiSpec#EMPTY} when there is none
 */
public record Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments,
                        ApiSpec spec) {

    public Inventory {
        endpoints = List.copyOf(endpoints);
        exchanges = List.copyOf(exchanges);
        apiDocuments = List.copyOf(apiDocuments);
        spec = spec == null ? ApiSpec.EMPTY : spec;
    }

    /** An inventory without an API description. */
    public Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments) {
        this(target, endpoints, exchanges, apiDocuments, ApiSpec.EMPTY);
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
