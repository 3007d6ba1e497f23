package dev.parapet.server;

import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's sessions, forms and tenant scoping over real HTTP, on an API-only server (no worker: the scans
 * these tests queue stay queued, which is all they need).
 */
class DashboardTest {

    static ParapetServer server;
    static Api api;
    static DashboardClient web;
    static String acmeMember;
    static String otherViewer;
    static String acmeScan;

    @BeforeAll
    static void start() throws Exception {
        StoreLocation db = StoreLocation.of("jdbc:h2:mem:dash-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
        server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 0, List.of("127.0.0.1/32"), 200,
                400, Map.of()), Duration.ofSeconds(10), Duration.ofMillis(100));
        api = new Api(server.port());
        web = new DashboardClient(server.port());
        ServerAdmin admin = ServerAdmin.open(db);
        acmeMember = admin.createKey("acme", "member").key();
        otherViewer = admin.createKey("other", "viewer").key();
        acmeScan = api.submit(acmeMember, "http://127.0.0.1:9/");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, String> scanForm(String csrf) {
        return csrf == null ? Map.of("target", "http://127.0.0.1:9/", "mode", "safe")
                : Map.of("target", "http://127.0.0.1:9/", "mode", "safe", "csrf", csrf);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndQueuesNothing() throws Exception {
        String session = web.signIn(acmeMember);
        int before = Api.json(api.get("/api/v1/scans?limit=200", acmeMember)).path("scans").size();
        HttpResponse<String> r = web.post("/scans", Dashboard.SESSION_COOKIE + "=" + session, web.base,
                scanForm(null));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Api.json(api.get("/api/v1/scans?limit=200", acmeMember)).path("scans").size()).isEqualTo(before);
    }

    @Test
    void aFormPostWithAnotherSessionsTokenIsRefused() throws Exception {
        String mine = web.signIn(acmeMember);
        String theirs = DashboardClient.csrf(web.get("/", web.signIn(acmeMember)).body());
        HttpResponse<String> r = web.post("/scans", Dashboard.SESSION_COOKIE + "=" + mine, web.base,
                scanForm(theirs));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("not sent from a page of this server");
    }

    @Test
    void aFormPostWithTheRightTokenFromAnotherOriginOrNoneIsRefused() throws Exception {
        String session = web.signIn(acmeMember);
        String csrf = DashboardClient.csrf(web.get("/", session).body());
        String cookie = Dashboard.SESSION_COOKIE + "=" + session;
        assertThat(web.post("/scans", cookie, "http://evil.test", scanForm(csrf)).statusCode()).isEqualTo(403);
        assertThat(web.post("/scans", cookie, null, scanForm(csrf)).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = web.post("/scans", cookie, web.base, scanForm(csrf));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElse("")).matches("/scans/[0-9a-f]{24}");
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsOwnToken() throws Exception {
        HttpResponse<String> r = web.post("/login", null, web.base, Map.of("key", acmeMember));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Dashboard.SESSION_COOKIE));
    }

    @Test
    void anotherTenantsSessionFindsNeitherTheScanPageNorItsStatusNorItsReport() throws Exception {
        String acme = web.signIn(acmeMember);
        assertThat(web.get("/scans/" + acmeScan, acme).statusCode()).isEqualTo(200);
        String other = web.signIn(otherViewer);
        for (String path : List.of("/scans/" + acmeScan, "/scans/" + acmeScan + "/status",
                "/scans/" + acmeScan + "/report")) {
            HttpResponse<String> r = web.get(path, other);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("127.0.0.1:9");
        }
        assertThat(web.get("/", other).body()).doesNotContain(acmeScan);
        assertThat(web.get("/", acme).body()).contains(acmeScan);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndNotSecureOnPlainLoopback() throws Exception {
        HttpResponse<String> form = web.get("/login", null);
        String loginCookie = DashboardClient.cookieValue(form.headers().firstValue("Set-Cookie").orElseThrow());
        HttpResponse<String> r = web.post("/login", "parapet_login=" + loginCookie, web.base,
                Map.of("csrf", DashboardClient.csrf(form.body()), "key", acmeMember));
        String cookie = DashboardClient.sessionCookieHeader(r);
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/")
                .doesNotContain("Secure");
        assertThat(DashboardClient.cookieValue(cookie)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void cookiesAreSecureOverHttpsAndOnAServerNotBoundToLoopback() {
        assertThat(Dashboard.secure("https", true)).isTrue();
        assertThat(Dashboard.secure("http", false)).isTrue();
        assertThat(Dashboard.secure("http", true)).isFalse();
        assertThat(Dashboard.isLoopback("127.0.0.1")).isTrue();
        assertThat(Dashboard.isLoopback("0.0.0.0")).isFalse();
        assertThat(Dashboard.cookie(true, "n", "v", "/", 60)).endsWith("; HttpOnly; SameSite=Strict; Secure");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String session = web.signIn(acmeMember);
        String csrf = DashboardClient.csrf(web.get("/", session).body());
        HttpResponse<String> out = web.post("/logout", Dashboard.SESSION_COOKIE + "=" + session, web.base,
                Map.of("csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        HttpResponse<String> after = web.get("/", session);
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void theKeyListIsForAdminsOnly() throws Exception {
        assertThat(web.get("/keys", web.signIn(acmeMember)).statusCode()).isEqualTo(403);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = web.get("/", web.signIn(acmeMember));
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .startsWith("default-src 'none'; script-src 'nonce-").contains("frame-ancestors 'none'");
    }
}
