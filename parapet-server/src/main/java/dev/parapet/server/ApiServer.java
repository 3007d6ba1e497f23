package dev.parapet.server;

import dev.parapet.event.ScanEvent;
import dev.parapet.event.ScanListener;
import dev.parapet.model.ScanReport;
import dev.parapet.report.RenderOptions;
import dev.parapet.report.ReportFormat;
import dev.parapet.report.Reports;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The HTTP API under {@code /api/v1} (described by {@code /api/v1/openapi.json}), plus {@code /healthz} and
 * {@code /readyz}. Every API call but the OpenAPI document carries {@code Authorization: Bearer pk_…}; the key
 * decides the tenant, and every lookup is scoped by it, so another tenant's ids are simply not found (404). Calls
 * are rate-limited per key (and, without a valid key, per client address). Errors are RFC 9457 problem details.
 * Request bodies are limited to {@value #MAX_BODY} bytes.
 */
final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String PREFIX = "/api/v1";
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_LIMIT = 200;
    /** How long a status-polling event stream stays open at most (a client reconnects for more). */
    static final Duration MAX_STREAM = Duration.ofMinutes(30);
    private static final String PRINCIPAL = "parapet.principal";

    /** One route as registered; the OpenAPI document must describe each. */
    record Route(String method, String path) {
    }

    /** What the API needs to run. */
    record Settings(String host, int port, List<String> allowTargets, double ratePerSecond, int burst,
                    Map<String, String> environment, Duration poll) {
        Settings {
            allowTargets = List.copyOf(allowTargets);
            environment = Map.copyOf(environment);
        }
    }

    private final ScanStore store;
    private final ScanJobs jobs;
    private final ApiKeys keys;
    private final Tenants tenants;
    private final LiveScans live;
    private final dev.parapet.service.ScanService service;
    private final Settings settings;
    private final RateLimiter limiter;
    private final List<Route> routes = new ArrayList<>();
    private final byte[] openApi;
    private final WebhookApi webhookApi;
    private final MonitorApi monitorApi;
    private Javalin app;

    ApiServer(ScanStore store, ScanJobs jobs, ApiKeys keys, Tenants tenants, LiveScans live, Settings settings) {
        this.store = store;
        this.jobs = jobs;
        this.keys = keys;
        this.tenants = tenants;
        this.live = live;
        this.service = dev.parapet.service.ScanService.withInstalledChecks();
        this.settings = settings;
        this.limiter = new RateLimiter(settings.ratePerSecond(), settings.burst(), System::nanoTime);
        this.openApi = resource("openapi.json");
        this.webhookApi = new WebhookApi(new Webhooks(store.jdbi(), java.time.Clock.systemUTC()));
        this.monitorApi = new MonitorApi(new Monitors(store.jdbi(), java.time.Clock.systemUTC(), jobs));
        ServerTargetPolicy.of(settings.allowTargets()); // refuses an invalid pattern before the server starts
    }

    ApiServer start() {
        app = Javalin.create(this::configure).start(settings.host(), settings.port());
        return this;
    }

    int port() {
        return app.port();
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private void configure(JavalinConfig config) {
        config.http.maxRequestSize = MAX_BODY;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
                new Problem(e.getStatus(), "http-" + e.getStatus(), titleOf(e.getStatus()), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, new Problem(500, "internal", "Internal error",
                    "the server could not answer this request; its log has the details"));
        });
        config.routes.before(PREFIX + "/*", this::authenticate);
        config.routes.before("/metrics", this::authenticate);
        // an event stream starts its 200 answer before its handler runs, so an unknown id is refused here
        config.routes.before(PREFIX + "/scans/{id}/events", ctx -> job(ctx, ctx.pathParam("id")));

        new Dashboard(this, store, jobs, keys, settings.host()).register(config);
        get(config, "/healthz", ctx -> json(ctx, 200, Map.of("status", "ok")));
        get(config, "/readyz", this::ready);
        get(config, "/metrics", this::metrics);
        get(config, PREFIX + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        post(config, PREFIX + "/scans", this::submit);
        get(config, PREFIX + "/scans", this::list);
        get(config, PREFIX + "/scans/{id}", ctx -> json(ctx, 200, Views.job(job(ctx, ctx.pathParam("id")))));
        delete(config, PREFIX + "/scans/{id}", this::cancel);
        get(config, PREFIX + "/scans/{id}/report", this::report);
        get(config, PREFIX + "/scans/{a}/diff/{b}", this::diff);
        post(config, PREFIX + "/webhooks", ctx -> {
            ApiKeys.Principal p = principal(ctx, Role.ADMIN);
            json(ctx, 201, webhookApi.create(p.tenantId(), ctx.body(), allowedTargets(p.tenantId())));
        });
        get(config, PREFIX + "/webhooks", ctx -> json(ctx, 200,
                webhookApi.list(principal(ctx, Role.VIEWER).tenantId())));
        get(config, PREFIX + "/webhooks/{id}", ctx -> json(ctx, 200,
                webhookApi.find(principal(ctx, Role.VIEWER).tenantId(), ctx.pathParam("id"))));
        delete(config, PREFIX + "/webhooks/{id}", ctx -> {
            webhookApi.delete(principal(ctx, Role.ADMIN).tenantId(), ctx.pathParam("id"));
            ctx.status(204);
        });
        get(config, PREFIX + "/webhooks/{id}/deliveries", ctx -> json(ctx, 200,
                webhookApi.deliveries(principal(ctx, Role.VIEWER).tenantId(), ctx.pathParam("id"))));
        post(config, PREFIX + "/monitors", ctx -> {
            ApiKeys.Principal p = principal(ctx, Role.MEMBER);
            requireJson(ctx);
            MonitorApi.Parsed parsed = MonitorApi.parse(ctx.body());
            json(ctx, 201, monitorApi.create(p.tenantId(), admitted(p.tenantId(), parsed.request()), parsed.every()));
        });
        get(config, PREFIX + "/monitors", ctx -> json(ctx, 200,
                monitorApi.list(principal(ctx, Role.VIEWER).tenantId())));
        get(config, PREFIX + "/monitors/{id}", ctx -> json(ctx, 200,
                monitorApi.find(principal(ctx, Role.VIEWER).tenantId(), ctx.pathParam("id"))));
        delete(config, PREFIX + "/monitors/{id}", ctx -> {
            monitorApi.delete(principal(ctx, Role.MEMBER).tenantId(), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.add(new Route("GET", PREFIX + "/scans/{id}/events"));
        config.routes.sse(PREFIX + "/scans/{id}/events", (Consumer<SseClient>) this::events);
    }

    private void get(JavalinConfig c, String path, Handler h) {
        routes.add(new Route("GET", path));
        c.routes.get(path, h);
    }

    private void post(JavalinConfig c, String path, Handler h) {
        routes.add(new Route("POST", path));
        c.routes.post(path, h);
    }

    private void delete(JavalinConfig c, String path, Handler h) {
        routes.add(new Route("DELETE", path));
        c.routes.delete(path, h);
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals(PREFIX + "/openapi.json")) {
            return;
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        Optional<ApiKeys.Principal> principal = presented == null ? Optional.empty() : keys.authenticate(presented);
        String caller = principal.map(p -> "key:" + p.keyId()).orElse("ip:" + ctx.ip());
        if (!limiter.tryAcquire(caller)) {
            ctx.header("Retry-After", String.valueOf(limiter.retryAfterSeconds()));
            throw new Problem(429, "rate-limited", "Too many requests",
                    "this key (or address) sent too many requests; retry after the Retry-After seconds");
        }
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"parapet\"");
            throw new Problem(401, "unauthenticated", "Authentication required", presented == null
                    ? "send an API key as 'Authorization: Bearer pk_…' (create one with 'parapet server keys create')"
                    : "the API key is not valid (unknown or revoked)");
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    private static ApiKeys.Principal principal(Context ctx, Role needed) {
        ApiKeys.Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new Problem(401, "unauthenticated", "Authentication required", "send an API key");
        }
        if (!p.role().atLeast(needed)) {
            throw new Problem(403, "forbidden", "Not allowed for this key's role",
                    "this needs a key with the role " + needed.id() + " or above; this key is " + p.role().id());
        }
        return p;
    }

    private Job job(Context ctx, String id) {
        ApiKeys.Principal p = principal(ctx, Role.VIEWER);
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            throw Problem.notFound("no scan has the id '" + clip(String.valueOf(id)) + "'");
        }
        return jobs.find(p.tenantId(), id).orElseThrow(() -> Problem.notFound("no scan has the id '" + id + "'"));
    }

    private void ready(Context ctx) {
        try {
            jobs.countByStatus();
            json(ctx, 200, Map.of("status", "ready"));
        } catch (RuntimeException e) {
            json(ctx, 503, Map.of("status", "unavailable", "detail", "the database cannot be reached"));
        }
    }

    private void submit(Context ctx) {
        ApiKeys.Principal p = principal(ctx, Role.MEMBER);
        requireJson(ctx);
        String id = enqueue(p, ScanRequestParser.parse(ctx.body()));
        ctx.header("Location", PREFIX + "/scans/" + id);
        json(ctx, 202, Map.of("id", id, "status", JobStatus.QUEUED.id()));
    }

    private static void requireJson(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "send the request body as application/json");
        }
    }

    /** Judges the request as {@code POST /scans} does (checks, target policy) and queues it; the dashboard too. */
    String enqueue(ApiKeys.Principal p, ScanRequest parsed) {
        return jobs.enqueue(p.tenantId(), admitted(p.tenantId(), parsed));
    }

    /**
     * The request with the allow-list that applies to it, once its checks exist and its target passes the policy.
     *
     * @throws Problem 400 for an invalid setting, 422 for a refused target
     */
    private ScanRequest admitted(String tenantId, ScanRequest parsed) {
        List<String> allowed = allowedTargets(tenantId);
        ScanRequest request = parsed.withAllowTargets(allowed);
        try {
            service.select(request.resolve(settings.environment()).scan().checks());
        } catch (RuntimeException e) {
            throw Problem.invalid(e.getMessage());
        }
        try (var pin = ServerTargetPolicy.of(allowed).admit(dev.parapet.config.ConfigLoader.parseTarget(
                request.target()))) {
            // judged here so the client hears at once; the worker judges again and pins the scan to the addresses
        } catch (ServerTargetPolicy.Refused e) {
            throw new Problem(422, "target-refused", "This server does not scan that target", e.getMessage());
        }
        return request;
    }

    /** The server's {@code --allow-target} patterns and the tenant's stored ones. */
    private List<String> allowedTargets(String tenantId) {
        List<String> allowed = new ArrayList<>(settings.allowTargets());
        tenants.byId(tenantId).ifPresent(t -> allowed.addAll(t.allowTargets()));
        return allowed;
    }

    private void list(Context ctx) {
        ApiKeys.Principal p = principal(ctx, Role.VIEWER);
        String target = ctx.queryParam("target");
        if (target != null && (target.isBlank() || target.length() > 4096)) {
            throw Problem.invalid("target must be the URL a scan was submitted with");
        }
        int limit = 20;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            if (!limitText.matches("\\d{1,4}") || Integer.parseInt(limitText) < 1
                    || Integer.parseInt(limitText) > MAX_LIMIT) {
                throw Problem.invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
            limit = Integer.parseInt(limitText);
        }
        List<Map<String, Object>> scans = jobs.list(p.tenantId(), target, limit).stream().map(Views::job).toList();
        json(ctx, 200, Map.of("scans", scans));
    }

    private void cancel(Context ctx) {
        ApiKeys.Principal p = principal(ctx, Role.MEMBER);
        Job job = job(ctx, ctx.pathParam("id"));
        switch (jobs.cancel(p.tenantId(), job.id())) {
            case CANCELLED -> json(ctx, 200, Map.of("id", job.id(), "status", JobStatus.CANCELLED.id()));
            case CANCELLING -> json(ctx, 202, Map.of("id", job.id(), "status", JobStatus.RUNNING.id(),
                    "detail", "the scan is being stopped"));
            case ALREADY_FINISHED -> throw Problem.conflict("the scan has already ended ("
                    + jobs.find(p.tenantId(), job.id()).map(j -> j.status().id()).orElse("ended") + ")");
            case NOT_FOUND -> throw Problem.notFound("no scan has the id '" + job.id() + "'");
        }
    }

    private static final Map<String, String> MEDIA_TYPES = Map.of("json", "application/json", "sarif",
            "application/sarif+json", "html", "text/html; charset=utf-8", "pdf", "application/pdf", "markdown",
            "text/markdown; charset=utf-8", "junit", "application/xml");

    private void report(Context ctx) {
        Job job = job(ctx, ctx.pathParam("id"));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json").toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.containsKey(format)) {
            throw Problem.invalid("format must be one of json, sarif, html, pdf, markdown, junit");
        }
        ScanReport report = stored(job);
        ReportFormat f = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Reports.write(f, report, RenderOptions.plain(), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        if (f == ReportFormat.HTML) {
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(MEDIA_TYPES.get(format)).result(out.toByteArray());
    }

    private ScanReport stored(Job job) {
        if (job.scanId() == null) {
            throw Problem.conflict("the scan is " + job.status().id() + " and has no report"
                    + (job.status().terminal() ? "" : " yet; poll GET " + PREFIX + "/scans/" + job.id()));
        }
        try {
            return store.find(job.scanId());
        } catch (StoreException e) {
            throw Problem.notFound("the report of scan " + job.id() + " is no longer stored");
        }
    }

    private void diff(Context ctx) {
        Job a = job(ctx, ctx.pathParam("a"));
        Job b = job(ctx, ctx.pathParam("b"));
        ScanReport from = stored(a);
        ScanReport to = stored(b);
        json(ctx, 200, Views.diff(a.id(), b.id(),
                dev.parapet.store.ScanDiff.between(from, to)));
    }

    /**
     * The scan's events: those of the engine while it runs in this process, and a {@code status} event whenever
     * the job's state changes (polled from the database, so a scan running in another worker is followed too).
     * The stream ends with the final {@code status} event.
     */
    private void events(SseClient client) {
        Context ctx = client.ctx();
        ApiKeys.Principal p = principal(ctx, Role.VIEWER);
        String id = ctx.pathParam("id");
        BlockingQueue<ScanEvent> queue = new LinkedBlockingQueue<>(10_000);
        ScanListener listener = queue::offer;
        boolean subscribed = live.subscribe(id, listener);
        long deadline = System.nanoTime() + MAX_STREAM.toNanos();
        String lastStatus = null;
        try {
            while (!client.terminated() && System.nanoTime() < deadline) {
                Optional<Job> job = jobs.find(p.tenantId(), id);
                if (job.isEmpty()) {
                    return;
                }
                if (!job.get().status().id().equals(lastStatus)) {
                    lastStatus = job.get().status().id();
                    client.sendEvent("status", Views.json(Views.job(job.get())));
                }
                if (job.get().status().terminal()) {
                    return;
                }
                ScanEvent e = subscribed ? queue.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS) : null;
                if (!subscribed) {
                    Thread.sleep(settings.poll().toMillis());
                    subscribed = live.subscribe(id, listener);
                }
                while (e != null) {
                    send(client, e);
                    e = queue.poll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            live.unsubscribe(id, listener);
            client.close();
        }
    }

    private static void send(SseClient client, ScanEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        String name = switch (e) {
            case ScanEvent.ScanStarted s -> {
                data.put("checks", s.checks());
                yield "scan-started";
            }
            case ScanEvent.DiscoveryCompleted d -> {
                data.put("endpoints", d.endpoints());
                yield "discovery-completed";
            }
            case ScanEvent.CheckStarted c -> {
                data.put("checkId", c.checkId());
                yield "check-started";
            }
            case ScanEvent.CheckCompleted c -> {
                data.put("checkId", c.run().checkId());
                data.put("status", String.valueOf(c.run().status()).toLowerCase(Locale.ROOT));
                yield "check-completed";
            }
            case ScanEvent.FindingReported f -> {
                data.put("checkId", f.finding().checkId());
                data.put("severity", f.finding().severity().id());
                data.put("title", f.finding().title());
                yield "finding";
            }
            case ScanEvent.RequestSent r -> {
                data.put("requests", r.total());
                yield "requests";
            }
            case ScanEvent.ScanStopping s -> {
                data.put("reason", s.reason());
                yield "stopping";
            }
            case ScanEvent.ScanCompleted c -> {
                data.put("score", c.report().score().score());
                data.put("grade", c.report().score().grade().name());
                yield "scan-completed";
            }
            default -> null;
        };
        if (name != null) {
            client.sendEvent(name, Views.json(data));
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json")
                .result(Views.json(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void problem(Context ctx, Problem p) {
        ctx.status(p.status).contentType(Problem.MEDIA_TYPE)
                .result(p.toJson(ctx.path()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Prometheus text format, server-wide (across tenants, so only for admin keys): jobs by state, and the
     * duration of stored scans that jobs completed.
     */
    private void metrics(Context ctx) {
        principal(ctx, Role.ADMIN);
        Map<JobStatus, Integer> counts = jobs.countByStatus();
        ScanJobs.Durations d = jobs.completedDurations();
        StringBuilder out = new StringBuilder();
        out.append("# HELP parapet_queue_depth Scans waiting for a worker.\n# TYPE parapet_queue_depth gauge\n")
                .append("parapet_queue_depth ").append(counts.get(JobStatus.QUEUED)).append('\n');
        out.append("# HELP parapet_scans_running Scans a worker is running.\n# TYPE parapet_scans_running gauge\n")
                .append("parapet_scans_running ").append(counts.get(JobStatus.RUNNING)).append('\n');
        out.append("# HELP parapet_scans Scans by state.\n# TYPE parapet_scans gauge\n");
        counts.forEach((status, n) -> out.append("parapet_scans{status=\"").append(status.id()).append("\"} ")
                .append(n).append('\n'));
        out.append("# HELP parapet_scan_duration_seconds Duration of completed scans.\n")
                .append("# TYPE parapet_scan_duration_seconds summary\n")
                .append("parapet_scan_duration_seconds_sum ").append(String.format(Locale.ROOT, "%.3f",
                        d.totalMillis() / 1000.0)).append('\n')
                .append("parapet_scan_duration_seconds_count ").append(d.count()).append('\n');
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "The request body is too large";
            default -> "The request could not be answered";
        };
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the server's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + name, e);
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
