package dev.parapet.engine;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.model.Headers;
import dev.parapet.spi.ApiDocument;
import dev.parapet.spi.HtmlForm;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One discovery in progress: the ledger, the links waiting to be crawled, and what pages and scripts pointed at
 * (documents, Swagger UI configurations, scripts, routes) waiting to be fetched. Requests go out in parallel on
 * virtual threads (the executor's host limiter keeps them polite); their answers are read back on the discovery's
 * thread, so everything here is single-threaded.
 */
final class DiscoveryRun {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiscoveryRun.class);
    /** Requests submitted at once; the deadline is checked between chunks. */
    private static final int CHUNK = 64;
    /** Fewest answers in a chunk that can show the target pushing back. */
    private static final int PUSH_BACK_SAMPLE = 8;
    /** Share of an announced rate limit discovery leaves to the checks: it takes at most a quarter. */
    private static final double RATE_LIMIT_RESERVE = 0.75;
    /** Chunk size once the target announced a limit, so discovery stops close to its share. */
    private static final int CHUNK_UNDER_LIMIT = 16;

    final DiscoveryLedger ledger;
    final Discovery.Limits limits;
    final DiscoveryData data;
    final DocumentPointers pointers;
    final URI origin;
    final Deque<URI> crawl = new ArrayDeque<>();
    final Set<URI> documentLinks = new LinkedHashSet<>();
    final Set<URI> configLinks = new LinkedHashSet<>();
    final Set<URI> uiScripts = new LinkedHashSet<>();
    final Set<URI> appScripts = new LinkedHashSet<>();
    final Map<String, ScriptRoutes.Route> routes = new LinkedHashMap<>();
    /** The target's OPTIONS answer, once sent. */
    Exchange targetOptions;
    private boolean pushedBack;
    private boolean announcedLimit;
    private final Set<String> jsonLinkFields;
    private final Set<String> linkRelations;
    private final RequestExecutor executor;
    private final ScopeGuard scope;
    private final ExecutorService pool;

    DiscoveryRun(DiscoveryLedger ledger, Discovery.Limits limits, DiscoveryData data, RequestExecutor executor,
                 ScopeGuard scope, ExecutorService pool) {
        this.ledger = ledger;
        this.limits = limits;
        this.data = data;
        this.pointers = new DocumentPointers(data.documents);
        this.origin = ledger.target.resolve("/");
        this.jsonLinkFields = Set.copyOf(data.documents.jsonLinkFields());
        this.linkRelations = Set.copyOf(data.documents.linkRelations());
        this.executor = executor;
        this.scope = scope;
        this.pool = pool;
    }

    /**
     * Whether no further stage or chunk may start: the deadline passed, or the target pushed back (half of a chunk
     * throttled or unanswered, or a quarter of an announced rate limit used).
     */
    boolean timeUp() {
        return pushedBack || Instant.now().isAfter(limits.stopStartingAt());
    }

    boolean inScope(URI u) {
        return scope.allows(u);
    }

    /**
     * Sends the probes (each URL marked as asked) and returns their exchanges in order; probes left when the
     * deadline passes between chunks are not sent.
     */
    List<Exchange> send(List<ProbeRequest> probes) throws InterruptedException {
        List<Exchange> out = new ArrayList<>();
        int from = 0;
        while (from < probes.size() && !timeUp()) {
            int size = announcedLimit ? CHUNK_UNDER_LIMIT : CHUNK;
            List<java.util.concurrent.Callable<Exchange>> jobs = new ArrayList<>();
            List<ProbeRequest> chunk = probes.subList(from, Math.min(probes.size(), from + size));
            from += chunk.size();
            for (ProbeRequest p : chunk) {
                ledger.ask(p.uri());
                // what a batch returns is held until the batch is judged, and much of it after: bounded
                jobs.add(() -> executor.retained().keep(executor.execute(p)));
            }
            List<Exchange> answers = parallel(jobs);
            out.addAll(answers);
            long refused = answers.stream().filter(e -> !e.answered() || e.status() == 429).count();
            if (answers.size() >= PUSH_BACK_SAMPLE && refused * 2 >= answers.size() && !pushedBack) {
                // A target that throttles or drops half of a chunk is telling the scan to slow down: discovery's
                // guesses are best effort, the checks need the target answering.
                pushedBack = true;
                LOG.warn("discovery stopped early: {} of {} requests were throttled (429) or unanswered", refused,
                        answers.size());
            }
            java.util.OptionalDouble left = answers.stream().filter(Exchange::answered)
                    .map(e -> RateLimitHeaders.remainingShare(e.responseHeaders()))
                    .filter(java.util.OptionalDouble::isPresent).mapToDouble(java.util.OptionalDouble::getAsDouble)
                    .min();
            announcedLimit |= left.isPresent();
            if (left.isPresent() && left.getAsDouble() <= RATE_LIMIT_RESERVE && !pushedBack) {
                // The target announces a request limit and discovery has used its share of what was left: the
                // rest of the window belongs to the checks.
                pushedBack = true;
                LOG.info("discovery stopped early: the target's announced rate limit has {} % left",
                        (int) (left.getAsDouble() * 100));
            }
        }
        return out;
    }

    /** Sends one probe now, on the calling thread (parameter mining runs one sequence per endpoint). */
    Exchange execute(ProbeRequest p) throws InterruptedException {
        return executor.execute(p);
    }

    /** Runs the jobs in parallel on the discovery's virtual threads and returns their results in order. */
    <T> List<T> parallel(List<java.util.concurrent.Callable<T>> jobs) throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>();
        jobs.forEach(j -> futures.add(pool.submit(j)));
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a discovery stage failed inside Parapet", e.getCause());
            }
        }
        return out;
    }

    /** GETs of {@code uris} not asked before, in order. */
    List<Exchange> get(List<URI> uris, boolean followRedirects) throws InterruptedException {
        List<ProbeRequest> probes = new ArrayList<>();
        Set<URI> unique = new LinkedHashSet<>(uris);
        for (URI u : unique) {
            if (!ledger.asked(u) && inScope(u)) {
                probes.add(followRedirects ? ProbeRequest.get(u).followingRedirects() : ProbeRequest.get(u));
            }
        }
        return send(probes);
    }

    /**
     * Crawls queued links breadth first until the crawl cap (the target and crawled endpoints) is reached. Assets
     * (images, style sheets, fonts, scripts) are not crawled: scripts are read apart ({@link #pointedAt}).
     */
    void crawl() throws InterruptedException {
        while (!crawl.isEmpty() && crawled() < limits.maxCrawled() && !timeUp()) {
            List<URI> batch = new ArrayList<>();
            while (!crawl.isEmpty() && crawled() + batch.size() < limits.maxCrawled()) {
                URI u = crawl.poll();
                if (inScope(u) && !ledger.knows("GET", u) && !ledger.asked(u) && !batch.contains(u)
                        && !data.asset(u.getRawPath())) {
                    batch.add(u);
                }
            }
            batch.forEach(u -> ledger.endpoint("GET", u, Endpoint.Source.DISCOVERED));
            for (Exchange e : get(batch, false)) {
                ledger.keep(e);
                if (e.answered() && e.status() < 400) {
                    observe(e);
                }
            }
        }
    }

    private int crawled() {
        return ledger.count(Endpoint.Source.TARGET) + ledger.count(Endpoint.Source.DISCOVERED);
    }

    /**
     * Learns from an answer: its Link headers; a document it is; its JSON links (those under document fields
     * apart); an HTML page's links, scripts, forms and, on a documentation page, where the document is.
     */
    void observe(Exchange e) {
        if (!e.answered()) {
            return;
        }
        documentLinks.addAll(Links.linkHeader(e, linkRelations));
        if (e.status() == 200 && !e.response().isHtml() && DocumentPointers.looksLikeApiDocument(e.body())
                && !e.response().truncated()) {
            ledger.document(new ApiDocument(e.request().uri(), e.body(), false));
            return;
        }
        if (e.response().isHtml()) {
            page(e);
            return;
        }
        Links.Found found = Links.inJson(e, jsonLinkFields);
        crawl.addAll(found.all());
        documentLinks.addAll(found.documents());
    }

    private void page(Exchange e) {
        URI page = e.request().uri();
        List<HtmlTags.Tag> tags = HtmlTags.of(e.body(), Links.MAX_HTML_CHARS, Links.MAX_TAGS);
        boolean documentation = data.documentationTool(e.body()).isPresent();
        for (HtmlTags.Tag t : tags) {
            crawl.addAll(Links.inTag(page, t));
            if (t.name().equals("script")) {
                if (t.has("src")) {
                    Links.resolve(page, t.attr("src")).filter(this::inScope)
                            .ifPresent(u -> (documentation ? uiScripts : appScripts).add(u));
                } else if (!t.text().isBlank()) {
                    script(t.text(), page, documentation);
                }
            }
        }
        if (documentation) {
            pointed(pointers.in(e.body(), page, true, limits.maxScriptChars()));
        }
        for (HtmlForm form : HtmlForms.of(page, tags)) {
            if (!inScope(form.action()) || ledger.forms() >= HtmlForms.MAX_FORMS * 4) {
                continue;
            }
            ledger.form(form);
            if (form.method().equals("GET")) {
                ledger.endpoint("GET", HtmlForms.getUrl(form), Endpoint.Source.FORM);
            } else {
                ledger.endpoint(form.method(), form.action(), Endpoint.Source.FORM);
            }
        }
    }

    /** Reads a script: the routes it names, and, in a documentation context, where its document is. */
    void script(String text, URI url, boolean documentation) {
        pointed(pointers.in(text, url, documentation, limits.maxScriptChars()));
        for (ScriptRoutes.Route r : ScriptRoutes.in(text, origin, limits.maxScriptChars(), 500)) {
            String key = r.path();
            ScriptRoutes.Route known = routes.get(key);
            if (known == null) {
                routes.put(key, r);
            } else if (!r.queryNames().isEmpty()) {
                Set<String> names = new LinkedHashSet<>(known.queryNames());
                names.addAll(r.queryNames());
                routes.put(key, new ScriptRoutes.Route(key, List.copyOf(names)));
            }
            ledger.bases.observe(r.path());
        }
    }

    private void pointed(DocumentPointers.Found f) {
        documentLinks.addAll(f.documents().stream().filter(this::inScope).toList());
        configLinks.addAll(f.configs().stream().filter(this::inScope).toList());
        f.inline().forEach(ledger::document);
    }

    /**
     * Fetches what pages pointed at, in rounds until nothing new is pointed at: documents and Swagger UI
     * configurations (their {@code url}/{@code urls} point further), the scripts of documentation pages, then the
     * application's own scripts (libraries last), within the document-fetch and script caps.
     */
    void pointedAt() throws InterruptedException {
        int documentFetches = 0;
        int scripts = 0;
        for (int round = 0; round < 3 && !timeUp(); round++) {
            // scripts first: reading the ones already recorded may point at documents
            List<URI> ui = unread(uiScripts);
            List<URI> app = unread(appScripts).stream()
                    .sorted((a, b) -> Boolean.compare(data.libraryScript(a.getRawPath()),
                            data.libraryScript(b.getRawPath()))).toList();
            List<URI> docs = unasked(documentLinks);
            List<URI> configs = unasked(configLinks);
            if (docs.isEmpty() && configs.isEmpty() && ui.isEmpty() && app.isEmpty()) {
                return;
            }
            int room = Math.max(0, limits.maxDocumentFetches() - documentFetches);
            docs = docs.subList(0, Math.min(docs.size(), room));
            configs = configs.subList(0, Math.min(configs.size(), Math.max(0, room - docs.size())));
            ui = ui.subList(0, Math.min(ui.size(), Math.max(0, room - docs.size() - configs.size())));
            app = app.subList(0, Math.min(app.size(), Math.max(0, limits.maxScripts() - scripts)));
            documentFetches += docs.size() + configs.size() + ui.size();
            scripts += app.size();
            for (Exchange e : get(docs, true)) {
                if (e.answered() && e.status() == 200 && DocumentPointers.looksLikeApiDocument(e.body())) {
                    ledger.keep(e);
                    observe(e);
                } else if (e.answered() && e.status() == 200 && data.documentationTool(e.body()).isPresent()) {
                    ledger.keep(e);
                    ledger.endpoint("GET", e.request().uri(), Endpoint.Source.API_DOCUMENT);
                    observe(e);
                }
            }
            for (Exchange e : get(configs, true)) {
                if (e.answered() && e.status() == 200) {
                    ledger.keep(e);
                    pointed(pointers.in(e.body(), e.request().uri(), true, limits.maxScriptChars()));
                }
            }
            readScripts(ui, true);
            readScripts(app, false);
        }
    }

    private final Set<URI> read = new LinkedHashSet<>();

    private void readScripts(List<URI> uris, boolean documentation) throws InterruptedException {
        for (Exchange e : get(uris, false)) {
            if (e.answered() && e.status() == 200) {
                ledger.keep(e);
                readOnce(e, documentation);
            }
        }
    }

    private void readOnce(Exchange e, boolean documentation) {
        if (read.add(e.request().uri()) && !e.response().isHtml()) {
            script(e.body(), e.request().uri(), documentation);
        }
    }

    private List<URI> unasked(Set<URI> uris) {
        return uris.stream().filter(u -> !ledger.asked(u) && !ledger.hasDocument(u)).toList();
    }

    /** Scripts not read yet; one the crawl already fetched is read from its recorded answer, without a request. */
    private List<URI> unread(Set<URI> uris) {
        List<URI> out = new ArrayList<>();
        for (URI u : uris) {
            if (read.contains(u)) {
                continue;
            }
            var recorded = ledger.recorded(u);
            if (recorded.isPresent()) {
                readOnce(recorded.get(), uiScripts.contains(u));
            } else if (!ledger.asked(u)) {
                out.add(u);
            }
        }
        return out;
    }

    /** Matches the frameworks whose header or body signals {@code e} carries. */
    void signals(Exchange e) {
        if (!e.answered()) {
            return;
        }
        String headers = headerLines(e.responseHeaders());
        String body = e.body().length() > 4096 ? e.body().substring(0, 4096) : e.body();
        for (DiscoveryData.Framework f : data.wordlists.frameworks()) {
            if (ledger.frameworks.contains(f.id())) {
                continue;
            }
            boolean matched = data.frameworkHeaders.get(f.id()).stream().anyMatch(p -> p.matcher(headers).find())
                    || data.frameworkBodies.get(f.id()).stream().anyMatch(p -> p.matcher(body).find());
            if (matched) {
                ledger.frameworks.add(f.id());
            }
        }
    }

    static String headerLines(Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (Headers.Field f : headers.fields()) {
            sb.append(f.name().toLowerCase(Locale.ROOT)).append(": ").append(f.value()).append('\n');
        }
        return sb.toString();
    }
}
