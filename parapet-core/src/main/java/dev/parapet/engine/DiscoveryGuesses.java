package dev.parapet.engine;

import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Discovery's guesses, outside passive mode, each bounded ({@link Discovery.Limits}): soft-404 calibration of every
 * base path; prefix probes at the origin and the target's path ({@code /api}, {@code /api/v2}, {@code /rest}...: a
 * prefix that answers, or whose made-up paths are answered by another handler, becomes a base path); then under
 * every base path the wordlists and the document locations, and the route literals scripts named, each kept only
 * when its answer is not its base's soft-404; the {@code Allow} header of 405 answers and of the target's OPTIONS
 * (when a made-up path's differs); the HTML GET forms; and parameter mining on GET endpoints that take no
 * parameter. Paths that look state-changing are never guessed, requested from a form, or mined.
 */
final class DiscoveryGuesses {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final DiscoveryRun run;
    private final DiscoveryLedger ledger;
    private final DiscoveryData data;
    private final SplittableRandom random;
    private final Map<URI, List<URI>> calibration = new LinkedHashMap<>();
    private int wordlistRequests;

    DiscoveryGuesses(DiscoveryRun run, SplittableRandom random) {
        this.run = run;
        this.random = random;
        this.ledger = run.ledger;
        this.data = run.data;
    }

    /** Two made-up URLs per base not calibrated yet, to send; {@link #learnCalibration} reads their answers. */
    List<URI> calibrationProbes(List<URI> bases) {
        List<URI> out = new ArrayList<>();
        for (URI base : bases) {
            if (!ledger.soft.containsKey(base) && !calibration.containsKey(base)) {
                List<URI> probes = SoftNotFound.probes(base, random);
                calibration.put(base, probes);
                out.addAll(probes);
            }
        }
        return out;
    }

    /** Learns each base's soft-404 from the answers to its probes (in the order {@link #calibrationProbes} gave). */
    void learnCalibration(List<URI> bases, List<Exchange> answers) {
        int i = 0;
        for (URI base : bases) {
            List<URI> probes = calibration.get(base);
            if (probes == null || ledger.soft.containsKey(base)) {
                continue;
            }
            List<Exchange> mine = answers.subList(Math.min(i, answers.size()), Math.min(i + probes.size(),
                    answers.size()));
            mine.forEach(run::signals);
            ledger.soft.put(base, SoftNotFound.learn(base, mine));
            i += probes.size();
        }
    }

    /** Keeps an answer to a document location when it is a document or a documentation page. */
    void location(Exchange e) {
        if (!e.answered() || e.status() != 200 || ledger.recorded(e.request().uri()).isPresent()) {
            return;
        }
        boolean document = !e.response().isHtml() && DocumentPointers.looksLikeApiDocument(e.body());
        boolean page = e.response().isHtml() && data.documentationTool(e.body()).isPresent();
        if (document || page) {
            ledger.keep(e);
            ledger.endpoint("GET", e.request().uri(), Endpoint.Source.API_DOCUMENT);
            run.observe(e);
        }
    }

    void run() throws InterruptedException {
        prefixes();
        List<URI> bases = ledger.bases.top(run.limits.maxBasePaths());
        calibrate(bases);
        guessUnder(bases);
        run.crawl();
        run.pointedAt();
        forms();
        allowed();
        mine();
    }

    private void calibrate(List<URI> bases) throws InterruptedException {
        List<URI> probes = calibrationProbes(bases);
        wordlistRequests += probes.size();
        learnCalibration(bases, run.get(probes, false));
    }

    /** The prefix words under the origin and the target's path: hits and directories of their own become bases. */
    private void prefixes() throws InterruptedException {
        List<URI> fixed = Inventory.defaultBasePaths(ledger.target);
        List<URI> words = new ArrayList<>();
        List<URI> madeUp = new ArrayList<>();
        for (URI base : fixed) {
            for (DiscoveryData.Group g : data.wordlists.groups()) {
                if (g.learnsPrefix()) {
                    for (String p : g.paths()) {
                        words.add(base.resolve(p));
                        madeUp.add(base.resolve(p + "/" + SoftNotFound.MARKER
                                + HexFormat.of().toHexDigits(random.nextInt())));
                    }
                }
            }
        }
        List<ProbeRequest> probes = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            probes.add(ProbeRequest.get(words.get(i)));
            probes.add(ProbeRequest.get(madeUp.get(i)));
        }
        wordlistRequests += probes.size();
        List<Exchange> answers = run.send(probes);
        for (int i = 0; i + 1 < answers.size(); i += 2) {
            Exchange word = answers.get(i);
            SoftNotFound soft = ledger.softFor(word.request().uri());
            String path = word.request().uri().getRawPath();
            if (!soft.matches(word)) {
                hit(word, Endpoint.Source.WORDLIST);
                ledger.bases.declare(path);
            } else if (!soft.sameHandler(answers.get(i + 1))) {
                ledger.bases.declare(path);
            }
        }
    }

    /** What a guess was, so its answer is judged the right way. */
    private enum Kind { ROUTE, WORD, LOCATION }

    /** Script routes, then the wordlists and document locations under every base (learnt bases first), at once. */
    private void guessUnder(List<URI> bases) throws InterruptedException {
        List<URI> fixed = Inventory.defaultBasePaths(ledger.target);
        Map<URI, Kind> guesses = new LinkedHashMap<>();
        scriptRoutes().forEach(u -> guesses.put(u, Kind.ROUTE));
        List<URI> ordered = new ArrayList<>(bases.stream().filter(b -> !fixed.contains(b)).toList());
        ordered.addAll(fixed);
        int room = Math.max(0, run.limits.maxWordlistRequests() - wordlistRequests);
        int words = 0;
        for (URI base : ordered) {
            boolean isFixed = fixed.contains(base);
            Map<String, Kind> paths = new LinkedHashMap<>();
            if (!isFixed) {
                data.documents.everyPrefix().forEach(p -> paths.put(p, Kind.LOCATION));
            }
            data.wordlists.groups().stream().filter(g -> !g.learnsPrefix() && (isFixed || g.everyPrefix()))
                    .forEach(g -> g.paths().forEach(p -> paths.putIfAbsent(p, Kind.WORD)));
            data.wordlists.frameworks().stream().filter(f -> isFixed || ledger.frameworks.contains(f.id()))
                    .forEach(f -> f.paths().forEach(p -> paths.putIfAbsent(p, Kind.WORD)));
            int cap = isFixed ? room : Math.min(room, run.limits.maxWordlistPerBase());
            int taken = 0;
            for (var entry : paths.entrySet()) {
                if (taken >= cap || words >= room) {
                    break;
                }
                URI u = base.resolve(entry.getKey());
                if (!ledger.asked(u) && !ledger.knows("GET", u) && guesses.putIfAbsent(u, entry.getValue()) == null) {
                    taken++;
                    words++;
                }
            }
        }
        wordlistRequests += words;
        List<ProbeRequest> probes = new ArrayList<>();
        guesses.forEach((u, kind) -> probes.add(kind == Kind.LOCATION ? ProbeRequest.get(u).followingRedirects()
                : ProbeRequest.get(u)));
        List<Kind> kinds = List.copyOf(guesses.values());
        List<Exchange> answers = run.send(probes);
        for (int i = 0; i < answers.size(); i++) {
            Exchange e = answers.get(i);
            switch (kinds.get(i)) {
                case LOCATION -> location(e);
                case ROUTE -> judge(e, Endpoint.Source.SCRIPT);
                case WORD -> judge(e, Endpoint.Source.WORDLIST);
            }
        }
    }

    /** Keeps a guess that answered unlike its base's soft-404. */
    private void judge(Exchange e, Endpoint.Source source) {
        if (!ledger.softFor(e.request().uri()).matches(e)) {
            hit(e, source);
        }
    }

    /** The routes scripts named, as URLs to request: API-prefixed and parameterised ones first. */
    private List<URI> scriptRoutes() {
        List<ScriptRoutes.Route> sorted = run.routes.values().stream()
                .filter(r -> !data.staticAsset(r.path()) && data.stateChanging(r.path()).isEmpty())
                .sorted((a, b) -> Integer.compare(rank(b), rank(a))).toList();
        List<URI> out = new ArrayList<>();
        for (ScriptRoutes.Route r : sorted) {
            if (out.size() >= run.limits.maxScriptRoutes()) {
                break;
            }
            try {
                URI u = run.origin.resolve(r.pathAndQuery(data::valueFor));
                if (!ledger.asked(u) && !ledger.knows("GET", u)) {
                    out.add(u);
                }
            } catch (IllegalArgumentException ignored) {
                // not a URL after all
            }
        }
        return out;
    }

    private int rank(ScriptRoutes.Route r) {
        return (ScriptRoutes.underApiPrefix(r, data.prefixSegment) ? 2 : 0) + (r.queryNames().isEmpty() ? 0 : 1);
    }

    private void hit(Exchange e, Endpoint.Source source) {
        ledger.keep(e);
        ledger.endpoint("GET", e.request().uri(), source);
        run.observe(e);
    }

    /** Requests the HTML GET forms' URLs, as a browser submitting them would. */
    private void forms() throws InterruptedException {
        List<URI> urls = ledger.endpoints().stream()
                .filter(e -> e.source() == Endpoint.Source.FORM && e.method().equals("GET"))
                .map(Endpoint::uri).filter(u -> data.stateChanging(u.getRawPath()).isEmpty())
                .limit(HtmlForms.MAX_FORMS).toList();
        for (Exchange e : run.get(urls, false)) {
            ledger.keep(e);
            if (e.answered() && e.status() < 400) {
                run.observe(e);
            }
        }
    }

    /**
     * The methods a 405 answer's {@code Allow} header lists for a known path, and those the target's OPTIONS lists
     * when a made-up path's OPTIONS lists others (a server that lists the same methods for every path says
     * nothing about this one).
     */
    private void allowed() throws InterruptedException {
        for (Exchange e : ledger.recordedGets()) {
            if (e.status() == 405) {
                methods(e).forEach(m -> ledger.endpoint(m, e.request().uri(), Endpoint.Source.DISCOVERED));
            }
        }
        Exchange options = run.targetOptions;
        if (options == null || methods(options).isEmpty() || run.timeUp()) {
            return;
        }
        URI madeUp = run.origin.resolve(SoftNotFound.MARKER + HexFormat.of().toHexDigits(random.nextLong()));
        List<Exchange> control = run.send(List.of(ProbeRequest.of("OPTIONS", madeUp)));
        if (!control.isEmpty() && !methods(control.getFirst()).equals(methods(options))) {
            methods(options).forEach(m -> ledger.endpoint(m, ledger.target, Endpoint.Source.DISCOVERED));
        }
    }

    /** The methods other than GET, HEAD, OPTIONS and TRACE in an answer's {@code Allow} header. */
    static Set<String> methods(Exchange e) {
        Set<String> out = new LinkedHashSet<>();
        if (!e.answered()) {
            return out;
        }
        for (String value : e.responseHeaders().all("Allow")) {
            for (String m : value.split(",")) {
                String method = m.trim().toUpperCase(Locale.ROOT);
                if (!method.isEmpty() && method.length() <= 16 && method.chars().allMatch(Character::isLetter)
                        && !READ_METHODS.contains(method)) {
                    out.add(method);
                }
            }
        }
        return out;
    }

    /** Parameter mining on GET endpoints without parameters, JSON first; each found name becomes a MINED URL. */
    private void mine() throws InterruptedException {
        if (run.timeUp()) {
            return;
        }
        Set<String> pathsWithQuery = new LinkedHashSet<>();
        ledger.endpoints().stream().filter(e -> e.uri().getRawQuery() != null)
                .forEach(e -> pathsWithQuery.add(Links.withoutQuery(e.uri()).toString()));
        List<Exchange> candidates = new ArrayList<>();
        for (Endpoint ep : ledger.endpoints()) {
            if (!ep.method().equals("GET") || ep.uri().getRawQuery() != null
                    || ep.source() == Endpoint.Source.API_DOCUMENT || ep.source() == Endpoint.Source.MINED
                    || pathsWithQuery.contains(ep.uri().toString()) || data.staticAsset(ep.uri().getRawPath())
                    || data.stateChanging(ep.uri().getRawPath()).isPresent() || ledger.hasDocument(ep.uri())) {
                continue;
            }
            ledger.recorded(ep.uri()).filter(e -> e.status() >= 200 && e.status() < 300)
                    .filter(e -> !e.response().truncated() && data.documentationTool(e.body()).isEmpty())
                    .ifPresent(candidates::add);
        }
        List<Exchange> chosen = candidates.stream()
                .sorted((a, b) -> Boolean.compare(b.response().isJson(), a.response().isJson()))
                .limit(run.limits.maxMinedEndpoints()).toList();
        List<Callable<List<String>>> jobs = new ArrayList<>();
        for (Exchange plain : chosen) {
            SplittableRandom own = random.split();
            jobs.add(() -> new ParameterMiner(u -> run.execute(ProbeRequest.get(u)), data.mining.names(),
                    run.limits.maxMiningRequests(), own).mine(plain.request().uri(), plain));
        }
        List<List<String>> found = run.parallel(jobs);
        List<URI> mined = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            URI base = chosen.get(i).request().uri();
            for (String name : found.get(i)) {
                URI u = URI.create(base + "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(data.valueFor(name), StandardCharsets.UTF_8));
                if (ledger.endpoint("GET", u, Endpoint.Source.MINED)) {
                    mined.add(u);
                }
            }
        }
        run.get(mined, false).forEach(ledger::keep);
    }
}
