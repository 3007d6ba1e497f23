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
 * @param basePaths    the directories under which the API lives, each ending in {@code /}: the origin first, then the
 *                     target's own path, then the prefixes discovery learnt ({@code /api/}, {@code /api/v2/},
 *                     {@code /rest/}); checks that try lists of paths try them under each. Never empty: without
 *                     learnt prefixes it is the origin and the target's path
 * @param documents    the API descriptions discovery found, with their text (one per entry of {@code apiDocuments}
 *                     that was read), in the order found
 */
public record Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments,
                        ApiSpec spec, List<HtmlForm> forms, Surface surface, List<URI> basePaths,
                        List<ApiDocument> documents) {

    public Inventory {
        endpoints = List.copyOf(endpoints);
        exchanges = RecordedExchanges.of(exchanges);
        apiDocuments = List.copyOf(apiDocuments);
        spec = spec == null ? ApiSpec.EMPTY : spec;
        forms = forms == null ? List.of() : List.copyOf(forms);
        surface = surface == null ? Surface.EMPTY : surface;
        basePaths = basePaths == null || basePaths.isEmpty() ? defaultBasePaths(target) : List.copyOf(basePaths);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** An inventory with forms and a surface, the base paths of the target alone and no document texts. */
    public Inventory(URI target, List<Endpoint> endpoints, List<Exchange> exchanges, List<URI> apiDocuments,
                     ApiSpec spec, List<HtmlForm> forms, Surface surface) {
        this(target, endpoints, exchanges, apiDocuments, spec, forms, surface, List.of(), List.of());
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
        return new Inventory(target, endpoints, exchanges, apiDocuments, spec, forms, newSurface, basePaths,
                documents);
    }

    /** The origin, then the target's own path as a directory when it is not the origin. */
    public static List<URI> defaultBasePaths(URI target) {
        URI origin = target.resolve("/");
        String path = target.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return List.of(origin);
        }
        URI dir = target.resolve(path.endsWith("/") ? path : path + "/");
        return List.of(origin, URI.create(dir.getScheme() + "://" + dir.getRawAuthority() + dir.getRawPath()));
    }

    /** The first recorded exchange for the target URL itself, if it was answered. */
    public java.util.Optional<Exchange> targetExchange() {
        return exchanges.stream().filter(e -> e.request().method().equals("GET"))
                .filter(e -> e.request().uri().equals(target)).findFirst();
    }

    /** Answered GET exchanges for JSON or HTML endpoints inside the API, the natural bases for probing. */
    public List<Exchange> answeredGets() {
        return RecordedExchanges.cast(exchanges).answeredGets();
    }

    /**
     * The first of {@link #answeredGets()} whose URL equals {@code uri}, found in constant time (the index is built
     * once per inventory), for checks that reuse a recorded answer instead of sending the request again.
     */
    public java.util.Optional<Exchange> answeredGet(URI uri) {
        return RecordedExchanges.cast(exchanges).answeredGet(uri);
    }
}
