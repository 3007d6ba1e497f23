package dev.parapet.engine;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.ApiDocument;
import dev.parapet.spi.HtmlForm;
import dev.parapet.spi.Inventory;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one discovery has learnt so far: endpoints with their sources (the first source to name a method and URL
 * keeps it), the exchanges kept for checks, API documents with their text, HTML forms, every URL already asked (so
 * no stage asks twice), the base paths seen and each one's soft-404. Owned by the discovery's own thread: requests
 * run in parallel, but their answers are recorded here one at a time. Not thread-safe.
 */
final class DiscoveryLedger {

    final URI target;
    final BasePaths bases;
    final Map<URI, SoftNotFound> soft = new LinkedHashMap<>();
    final Set<String> frameworks = new LinkedHashSet<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<URI, Exchange> recordedGets = new LinkedHashMap<>();
    private final Map<URI, ApiDocument> documents = new LinkedHashMap<>();
    private final List<HtmlForm> forms = new ArrayList<>();
    private final Set<URI> asked = new HashSet<>();
    private final Map<Endpoint.Source, Integer> added = new EnumMap<>(Endpoint.Source.class);

    DiscoveryLedger(URI target, BasePaths bases) {
        this.target = target;
        this.bases = bases;
    }

    /** Marks {@code uri} as asked; false when some stage asked it already. */
    boolean ask(URI uri) {
        return asked.add(uri);
    }

    boolean asked(URI uri) {
        return asked.contains(uri);
    }

    /** Keeps {@code e} for the checks (a GET is also found again by its URL). */
    void keep(Exchange e) {
        exchanges.add(e);
        asked.add(e.request().uri());
        if (e.answered() && e.request().method().equals("GET")) {
            recordedGets.putIfAbsent(e.request().uri(), e);
        }
    }

    Optional<Exchange> recorded(URI uri) {
        return Optional.ofNullable(recordedGets.get(uri));
    }

    Iterable<Exchange> recordedGets() {
        return List.copyOf(recordedGets.values());
    }

    /** Adds an endpoint unless its method and URL are known; true when it is new. */
    boolean endpoint(String method, URI uri, Endpoint.Source source) {
        Endpoint e = new Endpoint(method, uri, source);
        if (endpoints.putIfAbsent(e.method() + " " + uri, e) == null) {
            added.merge(source, 1, Integer::sum);
            bases.observe(uri.getRawPath());
            return true;
        }
        return false;
    }

    boolean knows(String method, URI uri) {
        return endpoints.containsKey(method + " " + uri);
    }

    /** How many endpoints {@code source} added. */
    int count(Endpoint.Source source) {
        return added.getOrDefault(source, 0);
    }

    List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /** Records an API document by the URL it was read at; false when one was already read there. */
    boolean document(ApiDocument doc) {
        if (documents.putIfAbsent(doc.url(), doc) != null) {
            return false;
        }
        endpoint("GET", doc.url(), Endpoint.Source.API_DOCUMENT);
        DocumentPointers.serverPaths(doc.text()).forEach(bases::declare);
        return true;
    }

    boolean hasDocument(URI url) {
        return documents.containsKey(url);
    }

    void form(HtmlForm form) {
        if (!forms.contains(form)) {
            forms.add(form);
        }
    }

    int forms() {
        return forms.size();
    }

    /** The soft-404 of the longest learnt base that holds {@code uri}'s path; the origin's when none does. */
    SoftNotFound softFor(URI uri) {
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        SoftNotFound best = null;
        for (SoftNotFound s : soft.values()) {
            String base = s.base().getRawPath();
            if (path.startsWith(base) && (best == null || base.length() > best.base().getRawPath().length())) {
                best = s;
            }
        }
        return best == null ? SoftNotFound.uncalibrated(target.resolve("/")) : best;
    }

    Inventory inventory(int maxBasePaths) {
        List<ApiDocument> docs = List.copyOf(documents.values());
        return new Inventory(target, endpoints(), exchanges, docs.stream().map(ApiDocument::url).toList(),
                null, forms, null, bases.top(maxBasePaths), docs);
    }
}
