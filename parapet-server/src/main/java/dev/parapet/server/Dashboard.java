package dev.parapet.server;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.report.RenderOptions;
import dev.parapet.report.ReportFormat;
import dev.parapet.report.Reports;
import dev.parapet.store.ScanDiff;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web dashboard at {@code /}: sign-in with an API key, the tenant's scans (filtered by target, status, grade), a
 * form that queues a scan through the same path as {@code POST /api/v1/scans}, a scan page with live status and the
 * HTML report, a target page with the score over time and the diff of two scans, and the tenant's API keys (admins).
 * Pages are rendered here with escaping ({@link Html}); the little script they carry is inline, under a per-answer
 * CSP nonce. Every lookup goes through {@link ScanJobs} with the session's tenant, so another tenant's scan is a 404.
 *
 * <p>Sessions: a sign-in gives a 256-bit random session id in an HttpOnly, SameSite=Strict cookie, marked Secure
 * when the request came over HTTPS or the server listens on anything but a loopback address (on plain
 * {@code http://127.0.0.1} a Secure cookie would be dropped by the browser). Every POST carries the session's CSRF
 * token in a hidden field, compared in constant time, and an {@code Origin} (or, lacking one, {@code Referer}) of
 * this server; the sign-in form has a token of its own in a short-lived cookie.
 */
final class Dashboard {

    static final String SESSION_COOKIE = "parapet_session";
    static final String LOGIN_COOKIE = "parapet_login";
    private static final String PAGE_CSP = "default-src 'none'; script-src 'nonce-%s'; style-src 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    /** The report is the renderer's self-contained HTML: no script, no fetch, framed only by the dashboard. */
    private static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";
    private static final List<String> GRADES = List.of("A", "B", "C", "D", "F");

    private final ApiServer api;
    private final ScanStore store;
    private final ScanJobs jobs;
    private final ApiKeys keys;
    private final boolean loopbackOnly;
    private final DashboardSessions sessions = new DashboardSessions(System::nanoTime);
    /** Sign-in attempts per client address: a few a second, so keys cannot be tried quickly. */
    private final RateLimiter signIns = new RateLimiter(2, 10, System::nanoTime);

    Dashboard(ApiServer api, ScanStore store, ScanJobs jobs, ApiKeys keys, String bindHost) {
        this.api = api;
        this.store = store;
        this.jobs = jobs;
        this.keys = keys;
        this.loopbackOnly = isLoopback(bindHost);
    }

    void register(JavalinConfig config) {
        config.routes.get("/", this::scans);
        config.routes.get("/login", this::loginForm);
        config.routes.post("/login", this::login);
        config.routes.post("/logout", this::logout);
        config.routes.post("/scans", this::submit);
        config.routes.get("/scans/{id}", this::scan);
        config.routes.get("/scans/{id}/status", this::status);
        config.routes.get("/scans/{id}/report", this::report);
        config.routes.get("/targets", this::target);
        config.routes.get("/keys", this::keyList);
    }

    // ---- sign-in

    private void loginForm(Context ctx) {
        String token = DashboardSessions.randomToken();
        ctx.res().addHeader("Set-Cookie", cookie(ctx, LOGIN_COOKIE, token, "/login", 600));
        loginPage(ctx, 200, token, null);
    }

    private void loginPage(Context ctx, int status, String token, String error) {
        Html h = new Html().raw("<h1>Sign in to Parapet</h1>");
        if (error != null) {
            h.raw("<p class=\"error\" id=\"error\">").text(error).raw("</p>");
        }
        h.raw("<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"csrf\" value=\"").text(token)
                .raw("\"><label>API key <input type=\"password\" name=\"key\" id=\"key\" autocomplete=\"off\" "
                        + "required size=\"50\"></label> <button type=\"submit\" id=\"sign-in\">Sign in</button>"
                        + "</form><p>Create a key with <code>parapet server keys create --tenant NAME</code>.</p>");
        page(ctx, status, "Sign in", null, h, null);
    }

    private void login(Context ctx) {
        String cookieToken = ctx.cookie(LOGIN_COOKIE);
        if (!sameOrigin(ctx) || !DashboardSessions.sameToken(cookieToken, ctx.formParam("csrf"))) {
            refuseForgery(ctx);
            return;
        }
        if (!signIns.tryAcquire("ip:" + ctx.ip())) {
            ctx.header("Retry-After", String.valueOf(signIns.retryAfterSeconds()));
            loginPage(ctx, 429, cookieToken, "Too many sign-in attempts from this address; wait a few seconds.");
            return;
        }
        Optional<ApiKeys.Principal> principal = keys.authenticate(Optional.ofNullable(ctx.formParam("key"))
                .map(String::strip).orElse(null));
        if (principal.isEmpty()) {
            loginPage(ctx, 401, cookieToken, "That API key is not valid (unknown or revoked).");
            return;
        }
        DashboardSessions.Session s = sessions.open(principal.get());
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, s.id(), "/",
                DashboardSessions.LIFETIME.toSeconds()));
        ctx.res().addHeader("Set-Cookie", cookie(ctx, LOGIN_COOKIE, "", "/login", 0));
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        DashboardSessions.Session s = postSession(ctx);
        if (s == null) {
            return;
        }
        sessions.close(s.id());
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", "/", 0));
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The cookie header: HttpOnly and SameSite=Strict always, Secure unless plain HTTP on a loopback server. */
    private String cookie(Context ctx, String name, String value, String path, long maxAgeSeconds) {
        return cookie(secure(ctx.scheme(), loopbackOnly), name, value, path, maxAgeSeconds);
    }

    /** Secure over HTTPS, and on any server not bound to loopback (a TLS proxy in front of it is assumed). */
    static boolean secure(String scheme, boolean loopbackOnly) {
        return "https".equalsIgnoreCase(scheme) || !loopbackOnly;
    }

    static String cookie(boolean secure, String name, String value, String path, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The session of a page request, or null after redirecting to the sign-in page. */
    private DashboardSessions.Session session(Context ctx) {
        Optional<DashboardSessions.Session> s = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (s.isEmpty()) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        }
        return s.get();
    }

    /** The session of a form post whose origin and CSRF token are right, or null after refusing it. */
    private DashboardSessions.Session postSession(Context ctx) {
        Optional<DashboardSessions.Session> s = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (s.isEmpty() || !sameOrigin(ctx) || !DashboardSessions.sameToken(s.get().csrf(), ctx.formParam("csrf"))) {
            refuseForgery(ctx);
            return null;
        }
        return s.get();
    }

    private void refuseForgery(Context ctx) {
        page(ctx, 403, "Refused", null, new Html().raw("<h1>Refused</h1><p id=\"error\">This form was not sent from "
                + "a page of this server, or the page is out of date. <a href=\"/\">Reload the dashboard</a> and "
                + "send it again.</p>"), null);
    }

    /** {@code Origin}, else {@code Referer}, names this server; a POST with neither is refused. */
    static boolean sameOrigin(Context ctx) {
        String self = ctx.scheme() + "://" + ctx.host();
        String origin = ctx.header("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(self);
        }
        String referer = ctx.header("Referer");
        return referer != null && referer.regionMatches(true, 0, self + "/", 0, self.length() + 1);
    }

    // ---- pages

    private void scans(Context ctx) {
        DashboardSessions.Session s = session(ctx);
        if (s != null) {
            scansPage(ctx, s, 200, null, "");
        }
    }

    private void scansPage(Context ctx, DashboardSessions.Session s, int status, String error, String typedTarget) {
        String target = blankToNull(ctx.queryParam("target"));
        String wantedStatus = blankToNull(ctx.queryParam("status"));
        String wantedGrade = blankToNull(ctx.queryParam("grade"));
        List<Job> shown = jobs.list(s.principal().tenantId(), target == null || target.length() > 4096 ? null : target,
                        ApiServer.MAX_LIMIT).stream()
                .filter(j -> wantedStatus == null || j.status().id().equals(wantedStatus))
                .filter(j -> wantedGrade == null || wantedGrade.equals(j.grade()))
                .toList();
        Html h = new Html().raw("<h1>Scans</h1>");
        if (s.principal().role().atLeast(Role.MEMBER)) {
            h.raw("<form method=\"post\" action=\"/scans\" id=\"new-scan\"><h2>New scan</h2>");
            hiddenCsrf(h, s);
            if (error != null) {
                h.raw("<p class=\"error\" id=\"error\">").text(error).raw("</p>");
            }
            h.raw("<label>Target <input type=\"url\" name=\"target\" id=\"target\" required size=\"50\" value=\"")
                    .text(typedTarget).raw("\"></label> <label>Mode <select name=\"mode\" id=\"mode\">"
                            + "<option value=\"safe\">safe</option><option value=\"passive\">passive</option>"
                            + "</select></label> <button type=\"submit\" id=\"start\">Start scan</button></form>");
        }
        h.raw("<form method=\"get\" action=\"/\" id=\"filter\"><label>Target <input name=\"target\" size=\"40\" "
                + "value=\"").text(target == null ? "" : target).raw("\"></label> ");
        select(h, "status", List.of("queued", "running", "completed", "failed", "cancelled"), wantedStatus);
        select(h, "grade", GRADES, wantedGrade);
        h.raw(" <button type=\"submit\">Filter</button></form>");
        h.raw("<table id=\"scans\"><thead><tr><th>Scan</th><th>Target</th><th>Status</th><th>Grade</th>"
                + "<th>Score</th><th>Queued</th></tr></thead><tbody>");
        for (Job j : shown) {
            h.raw("<tr><td><a href=\"/scans/").text(j.id()).raw("\">").text(j.id().substring(0, 8)).raw("</a></td>")
                    .raw("<td><a href=\"/targets?url=").text(url(j.target())).raw("\">").text(j.target())
                    .raw("</a></td><td class=\"status\">").text(j.status().id()).raw("</td><td>")
                    .text(j.grade() == null ? "" : j.grade()).raw("</td><td>")
                    .text(j.score() == null ? "" : j.score()).raw("</td><td>").text(j.createdAt()).raw("</td></tr>");
        }
        h.raw("</tbody></table>");
        if (shown.isEmpty()) {
            h.raw("<p>No scan matches.</p>");
        }
        page(ctx, status, "Scans", s, h, null);
    }

    private void submit(Context ctx) {
        DashboardSessions.Session s = postSession(ctx);
        if (s == null) {
            return;
        }
        String target = Optional.ofNullable(ctx.formParam("target")).orElse("").strip();
        if (!s.principal().role().atLeast(Role.MEMBER)) {
            scansPage(ctx, s, 403, "Starting scans needs a member or admin key; this session's key is "
                    + s.principal().role().id() + ".", target);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("mode", Optional.ofNullable(ctx.formParam("mode")).orElse("safe"));
        try {
            String id = api.enqueue(s.principal(), ScanRequestParser.parse(Views.json(body)));
            ctx.redirect("/scans/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Problem e) {
            scansPage(ctx, s, e.status, e.getMessage(), target);
        }
    }

    private Optional<Job> job(Context ctx, DashboardSessions.Session s, String id) {
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            return Optional.empty();
        }
        return jobs.find(s.principal().tenantId(), id);
    }

    private void notFound(Context ctx, DashboardSessions.Session s) {
        page(ctx, 404, "Not found", s, new Html().raw("<h1>Not found</h1><p id=\"error\">No scan of this tenant has "
                + "that id.</p>"), null);
    }

    private void scan(Context ctx) {
        DashboardSessions.Session s = session(ctx);
        if (s == null) {
            return;
        }
        Optional<Job> found = job(ctx, s, ctx.pathParam("id"));
        if (found.isEmpty()) {
            notFound(ctx, s);
            return;
        }
        Job j = found.get();
        Html h = new Html().raw("<h1>Scan <code>").text(j.id()).raw("</code></h1><dl>")
                .raw("<dt>Target</dt><dd><a href=\"/targets?url=").text(url(j.target())).raw("\">").text(j.target())
                .raw("</a></dd><dt>Status</dt><dd id=\"status\">").text(j.status().id()).raw("</dd>")
                .raw("<dt>Grade</dt><dd id=\"grade\">").text(j.grade() == null ? "—" : j.grade()).raw("</dd>")
                .raw("<dt>Score</dt><dd id=\"score\">").text(j.score() == null ? "—" : j.score()).raw("</dd>")
                .raw("<dt>Queued</dt><dd>").text(j.createdAt()).raw("</dd>");
        if (j.error() != null) {
            h.raw("<dt>Error</dt><dd id=\"scan-error\">").text(j.error()).raw("</dd>");
        }
        h.raw("</dl>");
        String script = null;
        if (!j.status().terminal()) {
            h.raw("<p id=\"progress\">Waiting for the scan…</p>");
            // polls this page's JSON twin; on the final state the page reloads to show the report
            script = "(function(){var url='/scans/" + j.id() + "/status';function tick(){fetch(url,{credentials:"
                    + "'same-origin'}).then(function(r){return r.json();}).then(function(s){"
                    + "document.getElementById('status').textContent=s.status;"
                    + "document.getElementById('progress').textContent='Status: '+s.status+(s.startedAt?"
                    + "', started '+s.startedAt:'');if(['completed','failed','cancelled'].indexOf(s.status)>=0)"
                    + "{location.reload();}else{setTimeout(tick,1000);}}).catch(function(){setTimeout(tick,3000);});}"
                    + "tick();})();";
        } else if (j.scanId() != null) {
            h.raw("<p><a id=\"open-report\" href=\"/scans/").text(j.id()).raw("/report\">Open the report</a> · "
                    + "<a href=\"/targets?url=").text(url(j.target())).raw("\">Score over time</a></p>")
                    .raw("<iframe id=\"report\" title=\"Report\" src=\"/scans/").text(j.id())
                    .raw("/report\" style=\"width:100%;height:80vh;border:1px solid #ccc\"></iframe>");
        }
        page(ctx, 200, "Scan " + j.id().substring(0, 8), s, h, script);
    }

    private void status(Context ctx) {
        Optional<DashboardSessions.Session> s = sessions.find(ctx.cookie(SESSION_COOKIE));
        Optional<Job> j = s.flatMap(session -> job(ctx, session, ctx.pathParam("id")));
        if (s.isEmpty()) {
            ctx.status(401).contentType("application/json").result("{\"status\":\"signed-out\"}");
        } else if (j.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"status\":\"not-found\"}");
        } else {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json").result(Views.json(Views.job(j.get())));
        }
    }

    private Optional<ScanReport> stored(Job j) {
        if (j.scanId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.find(j.scanId()));
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private void report(Context ctx) {
        DashboardSessions.Session s = session(ctx);
        if (s == null) {
            return;
        }
        Optional<ScanReport> report = job(ctx, s, ctx.pathParam("id")).flatMap(this::stored);
        if (report.isEmpty()) {
            notFound(ctx, s);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Reports.write(ReportFormat.HTML, report.get(), RenderOptions.plain(), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        ctx.header("Content-Security-Policy", REPORT_CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
    }

    private void target(Context ctx) {
        DashboardSessions.Session s = session(ctx);
        if (s == null) {
            return;
        }
        String target = blankToNull(ctx.queryParam("url"));
        if (target == null || target.length() > 4096) {
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        List<Job> history = jobs.list(s.principal().tenantId(), target, ApiServer.MAX_LIMIT);
        List<Job> completed = history.stream().filter(j -> j.score() != null && j.scanId() != null).toList().reversed();
        List<ScoreChart.Point> points = completed.stream()
                .map(j -> new ScoreChart.Point(j.id(), j.finishedAt() == null ? j.createdAt() : j.finishedAt(),
                        j.score(), j.grade())).toList();
        Html h = new Html().raw("<h1>Target</h1><p><code id=\"target-url\">").text(target).raw("</code></p>")
                .raw("<h2>Score over time</h2>").raw(ScoreChart.svg(points));
        h.raw("<h2>Compare two scans</h2><form method=\"get\" action=\"/targets\" id=\"compare\">"
                + "<input type=\"hidden\" name=\"url\" value=\"").text(target).raw("\">");
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        scanSelect(h, "from", completed, from == null && completed.size() > 1 ? completed.get(completed.size() - 2).id()
                : from);
        scanSelect(h, "to", completed, to == null && !completed.isEmpty() ? completed.getLast().id() : to);
        h.raw(" <button type=\"submit\">Compare</button></form>");
        if (from != null && to != null) {
            diff(h, s, from, to);
        }
        page(ctx, 200, "Target", s, h, null);
    }

    private void diff(Html h, DashboardSessions.Session s, String fromId, String toId) {
        Optional<ScanReport> from = jobs.find(s.principal().tenantId(), fromId).flatMap(this::stored);
        Optional<ScanReport> to = jobs.find(s.principal().tenantId(), toId).flatMap(this::stored);
        if (from.isEmpty() || to.isEmpty()) {
            h.raw("<p id=\"diff\">Choose two completed scans of this tenant.</p>");
            return;
        }
        ScanDiff d = ScanDiff.between(from.get(), to.get());
        h.raw("<section id=\"diff\"><p>Score ").text(d.from().score() == null ? "—" : d.from().score()).raw(" → ")
                .text(d.to().score() == null ? "—" : d.to().score())
                .text(d.scoreDelta().map(x -> " (" + (x >= 0 ? "+" : "") + x + ")").orElse(""))
                .raw("</p>");
        findings(h, "New findings", "added", d.added());
        findings(h, "Resolved findings", "resolved", d.resolved());
        h.raw("<p>").text(d.unchanged().size()).raw(" unchanged.</p></section>");
    }

    private static void findings(Html h, String title, String id, List<Finding> list) {
        h.raw("<h3>").text(title + " (" + list.size() + ")").raw("</h3><ul id=\"" + id + "\">");
        for (Finding f : list) {
            h.raw("<li>").text(f.severity().id() + " · " + f.title() + " · " + f.checkId()).raw("</li>");
        }
        h.raw("</ul>");
    }

    private void keyList(Context ctx) {
        DashboardSessions.Session s = session(ctx);
        if (s == null) {
            return;
        }
        if (!s.principal().role().atLeast(Role.ADMIN)) {
            page(ctx, 403, "Not allowed", s, new Html().raw("<h1>Not allowed</h1><p id=\"error\">The key list is "
                    + "for admin keys.</p>"), null);
            return;
        }
        Html h = new Html().raw("<h1>API keys of ").text(s.principal().tenantName()).raw("</h1>")
                .raw("<table id=\"keys\"><thead><tr><th>Id</th><th>Prefix</th><th>Role</th><th>Created</th>"
                        + "<th>State</th></tr></thead><tbody>");
        for (ApiKeys.Listed k : keys.list(s.principal().tenantName())) {
            h.raw("<tr><td>").text(k.id()).raw("</td><td><code>").text(k.prefix()).raw("…</code></td><td>")
                    .text(k.role().id()).raw("</td><td>").text(k.createdAt()).raw("</td><td>")
                    .text(k.revokedAt() == null ? "active" : "revoked " + k.revokedAt()).raw("</td></tr>");
        }
        h.raw("</tbody></table><p>Create and revoke keys with <code>parapet server keys</code>.</p>");
        page(ctx, 200, "API keys", s, h, null);
    }

    // ---- layout

    private void page(Context ctx, int status, String title, DashboardSessions.Session s, Html body, String script) {
        String nonce = DashboardSessions.randomToken();
        Html h = new Html().raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .text(title + " · Parapet").raw("</title><style>body{font:14px/1.4 system-ui,sans-serif;margin:0}"
                        + "header{background:#1f2a3a;color:#fff;padding:8px 16px;display:flex;gap:16px;"
                        + "align-items:center}header a{color:#fff}main{padding:16px}table{border-collapse:collapse}"
                        + "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}.error{color:#a00}"
                        + "form{margin:8px 0}header form{margin:0 0 0 auto}</style></head><body>");
        if (s != null) {
            h.raw("<header><strong>Parapet</strong><a href=\"/\">Scans</a>");
            if (s.principal().role().atLeast(Role.ADMIN)) {
                h.raw("<a href=\"/keys\">API keys</a>");
            }
            h.raw("<span>").text(s.principal().tenantName() + " · " + s.principal().role().id()).raw("</span>")
                    .raw("<form method=\"post\" action=\"/logout\">");
            hiddenCsrf(h, s);
            h.raw("<button type=\"submit\" id=\"sign-out\">Sign out</button></form></header>");
        }
        h.raw("<main>").raw(body.toString()).raw("</main>");
        if (script != null) {
            h.raw("<script nonce=\"").raw(nonce).raw("\">").raw(script).raw("</script>");
        }
        h.raw("</body></html>");
        ctx.header("Content-Security-Policy", String.format(Locale.ROOT, PAGE_CSP, nonce));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(h.toString());
    }

    private static void hiddenCsrf(Html h, DashboardSessions.Session s) {
        h.raw("<input type=\"hidden\" name=\"csrf\" value=\"").text(s.csrf()).raw("\">");
    }

    private static void select(Html h, String name, List<String> values, String chosen) {
        h.raw("<label>").text(name).raw(" <select name=\"").text(name).raw("\"><option value=\"\">any</option>");
        for (String v : values) {
            h.raw("<option").raw(v.equals(chosen) ? " selected" : "").raw(">").text(v).raw("</option>");
        }
        h.raw("</select></label> ");
    }

    private static void scanSelect(Html h, String name, List<Job> completed, String chosen) {
        h.raw("<label>").text(name).raw(" <select name=\"").text(name).raw("\">");
        for (Job j : completed) {
            h.raw("<option value=\"").text(j.id()).raw("\"").raw(j.id().equals(chosen) ? " selected" : "").raw(">")
                    .text(j.createdAt() + " · " + j.score() + " (" + j.grade() + ")").raw("</option>");
        }
        h.raw("</select></label> ");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
