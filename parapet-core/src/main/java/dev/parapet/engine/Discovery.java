package dev.parapet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Exchange;
import dev.parapet.spi.Inventory;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the target without a spec: the URL itself (GET, HEAD, OPTIONS), robots.txt, the common API description
 * locations, and in-scope links in JSON and HTML bodies, breadth first, at most {@code maxEndpoints} URLs.
 * Every exchange is kept for the checks. Runs on virtual threads; the executor's limits keep it polite.
 */
final class Discovery {

    /** Where API descriptions commonly live, relative to the origin and to the target's path. */
    static final List<String> API_DOCUMENT_PATHS = List.of("openapi.json", "openapi.yaml", "swagger.json",
            "swagger.yaml", "v3/api-docs", "v2/api-docs", "api-docs", "swagger/v1/swagger.json",
            ".well-known/openapi.json", "api/openapi.json", "docs/openapi.json");

    private static final Pattern HTML_LINK = Pattern.compile("(?i)(?:href|src|action)\\s*=\\s*[\"']([^\"'#]+)[\"']");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON_NODES = 5_000;

    private final RequestExecutor executor;
    private final ScopeGuard scope;
    private final int maxEndpoints;

    Discovery(RequestExecutor executor, ScopeGuard scope, int maxEndpoints) {
        this.executor = executor;
        this.scope = scope;
        this.maxEndpoints = maxEndpoints;
    }

    /** The target's own GET exchange, sent first so an unreachable target is known before anything else. */
    Exchange probeTarget(URI target) throws InterruptedException {
        return executor.execute(ProbeRequest.get(target).followingRedirects());
    }

    Inventory discover(URI target, Exchange first) throws InterruptedException {
        List<Exchange> exchanges = new ArrayList<>();
        Map<URI, Endpoint> endpoints = new LinkedHashMap<>();
        List<URI> apiDocuments = new ArrayList<>();
        exchanges.add(first);
        endpoints.put(target, new Endpoint("GET", target, Endpoint.Source.TARGET));

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Exchange>> fixed = new ArrayList<>();
            fixed.add(pool.submit(() -> executor.execute(ProbeRequest.of("HEAD", target))));
            fixed.add(pool.submit(() -> executor.execute(ProbeRequest.of("OPTIONS", target))));
            URI origin = target.resolve("/");
            fixed.add(pool.submit(() -> executor.execute(ProbeRequest.get(origin.resolve("/robots.txt")))));
            Set<URI> docCandidates = new LinkedHashSet<>();
            for (String p : API_DOCUMENT_PATHS) {
                docCandidates.add(origin.resolve("/" + p));
                docCandidates.add(baseOf(target).resolve(p));
            }
            List<URI> docList = new ArrayList<>(docCandidates);
            List<Future<Exchange>> docs = new ArrayList<>();
            for (URI u : docList) {
                docs.add(pool.submit(() -> executor.execute(ProbeRequest.get(u))));
            }
            Deque<URI> queue = new ArrayDeque<>();
            links(first).forEach(queue::add);
            for (Future<Exchange> f : fixed) {
                Exchange e = get(f);
                exchanges.add(e);
                if (e.answered() && e.request().uri().getPath().equals("/robots.txt") && e.status() == 200) {
                    robots(e.body(), origin).forEach(queue::add);
                }
            }
            for (Future<Exchange> f : docs) {
                Exchange e = get(f);
                if (e.answered() && e.status() == 200 && looksLikeApiDocument(e.body())) {
                    exchanges.add(e);
                    apiDocuments.add(e.request().uri());
                    endpoints.putIfAbsent(e.request().uri(), new Endpoint("GET", e.request().uri(),
                            Endpoint.Source.DISCOVERED));
                }
            }
            crawl(queue, endpoints, exchanges, pool);
        }
        return new Inventory(target, new ArrayList<>(endpoints.values()), exchanges, apiDocuments);
    }

    private void crawl(Deque<URI> queue, Map<URI, Endpoint> endpoints, List<Exchange> exchanges, ExecutorService pool)
            throws InterruptedException {
        while (!queue.isEmpty() && endpoints.size() < maxEndpoints) {
            List<URI> batch = new ArrayList<>();
            while (!queue.isEmpty() && endpoints.size() + batch.size() < maxEndpoints) {
                URI u = queue.poll();
                if (scope.allows(u) && !endpoints.containsKey(u) && !batch.contains(u)) {
                    batch.add(u);
                }
            }
            List<Future<Exchange>> futures = new ArrayList<>();
            for (URI u : batch) {
                endpoints.put(u, new Endpoint("GET", u, Endpoint.Source.DISCOVERED));
                futures.add(pool.submit(() -> executor.execute(ProbeRequest.get(u))));
            }
            for (Future<Exchange> f : futures) {
                Exchange e = get(f);
                exchanges.add(e);
                if (e.answered() && e.status() < 400) {
                    links(e).forEach(queue::add);
                }
            }
        }
    }

    private static Exchange get(Future<Exchange> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("discovery probe failed inside Parapet", e.getCause());
        }
    }

    static boolean looksLikeApiDocument(String body) {
        String head = body.length() > 4096 ? body.substring(0, 4096) : body;
        return head.matches("(?s).*[\"']?(openapi|swagger)[\"']?\\s*:\\s*[\"']?[23]\\.\\d.*");
    }

    private static URI baseOf(URI target) {
        String path = target.getRawPath();
        if (path == null || path.isEmpty()) {
            return target.resolve("/");
        }
        return target.resolve(path.endsWith("/") ? path : path + "/");
    }

    /** Paths named by robots.txt Allow/Disallow lines, wildcards dropped. */
    static List<URI> robots(String body, URI origin) {
        List<URI> out = new ArrayList<>();
        for (String line : body.split("\\R")) {
            String l = line.trim();
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("disallow:") || lower.startsWith("allow:")) {
                String path = l.substring(l.indexOf(':') + 1).trim();
                int star = path.indexOf('*');
                if (star >= 0) {
                    path = path.substring(0, star);
                }
                if (path.startsWith("/") && path.length() > 1 && !path.endsWith("$")) {
                    try {
                        out.add(origin.resolve(path));
                    } catch (IllegalArgumentException ignored) {
                        // not a usable path
                    }
                }
            }
        }
        return out;
    }

    /** In-body links: string values in JSON that are absolute URLs or absolute paths; href/src/action in HTML. */
    static List<URI> links(Exchange e) {
        if (!e.answered() || e.body().isEmpty()) {
            return List.of();
        }
        URI base = e.request().uri();
        List<URI> out = new ArrayList<>();
        if (e.response().isJson() || e.body().trim().startsWith("{") || e.body().trim().startsWith("[")) {
            try {
                JsonNode root = JSON.readTree(e.body());
                int[] visited = {0};
                collectJson(root, base, out, visited);
            } catch (Exception ignored) {
                // not JSON after all
            }
        } else if (e.response().isHtml()) {
            Matcher m = HTML_LINK.matcher(e.body());
            while (m.find()) {
                resolve(base, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static void collectJson(JsonNode node, URI base, List<URI> out, int[] visited) {
        if (node == null || visited[0]++ > MAX_JSON_NODES) {
            return;
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (s.startsWith("/") && !s.startsWith("//") && s.length() < 300 && !s.contains(" ")
                    || s.startsWith("http://") || s.startsWith("https://")) {
                resolve(base, s).ifPresent(out::add);
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectJson(child, base, out, visited));
        }
    }

    /**
     * Resolves a link against the page it was found on, dropping the fragment. Built from the raw (still
     * percent-encoded) components: decoding and re-encoding would turn {@code a%2Fb} into {@code a/b} and
     * {@code q=a%26b} into two parameters, so the crawler would request URLs the API never linked to.
     */
    private static java.util.Optional<URI> resolve(URI base, String ref) {
        try {
            URI u = base.resolve(ref.trim().replace("&amp;", "&"));
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getRawAuthority() == null) {
                return java.util.Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return java.util.Optional.of(new URI(u.getScheme() + "://" + u.getRawAuthority() + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())).normalize());
        } catch (IllegalArgumentException | java.net.URISyntaxException ex) {
            return java.util.Optional.empty();
        }
    }
}
