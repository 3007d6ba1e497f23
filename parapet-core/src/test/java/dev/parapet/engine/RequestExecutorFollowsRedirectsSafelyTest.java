package dev.parapet.engine;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.http.HttpTransport;
import dev.parapet.model.Exchange;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

class RequestExecutorFollowsRedirectsSafelyTest {

    private final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private LoopbackHttpServer other;
    private LoopbackHttpServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        other = LoopbackHttpServer.builder().route("*", "/*", r -> Response.text(200, "elsewhere")).start();
        server = LoopbackHttpServer.builder()
                .route("*", "/loop", r -> record(r, redirect(302, "/loop")))
                .route("*", "/away", r -> record(r, redirect(302, other.uri("/stolen").toString())))
                .route("*", "/s/*", r -> record(r, redirect(Integer.parseInt(r.path().substring(3)), "/final")))
                .route("*", "/chain", r -> record(r, redirect(303, "/s/307")))
                .route("*", "/final", r -> record(r, Response.text(200, "final")))
                .start();
        transport = EngineFixtures.transport();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
        other.close();
    }

    @Test
    void stopsFollowingEndlessRedirectsAtMaxRedirects() throws InterruptedException {
        Exchange e = executor(ScanMode.SAFE).execute(ProbeRequest.get(server.uri("/loop")).followingRedirects());
        assertThat(e.status()).isEqualTo(302);
        assertThat(e.redirects()).isEqualTo(3);
        assertThat(seen).hasSize(4); // the request and three redirects, then no more
    }

    @Test
    void doesNotFollowARedirectOutOfScope() throws InterruptedException {
        Exchange e = executor(ScanMode.SAFE).execute(ProbeRequest.get(server.uri("/away")).followingRedirects());
        assertThat(e.status()).isEqualTo(302);
        assertThat(e.redirects()).isZero();
        assertThat(other.requestCount()).isZero();
    }

    @Test
    void leavesRedirectsToTheCheckUnlessAskedToFollow() throws InterruptedException {
        Exchange e = executor(ScanMode.SAFE).execute(ProbeRequest.get(server.uri("/s/302")));
        assertThat(e.status()).isEqualTo(302);
        assertThat(seen).containsExactly("GET /s/302 ");
    }

    @ParameterizedTest(name = "{0} {1} is followed with {2}")
    @CsvSource({
            "POST, 303, GET", "HEAD, 303, GET", "GET, 303, GET",
            "POST, 301, GET", "POST, 302, GET", "HEAD, 301, HEAD", "HEAD, 302, HEAD",
            "POST, 307, POST", "POST, 308, POST", "HEAD, 307, HEAD", "GET, 308, GET"})
    void changesTheMethodOnlyWhereHttpSays(String method, int status, String followedWith) throws Exception {
        ProbeRequest probe = new ProbeRequest(method, server.uri("/s/" + status), null, "", true);
        if (method.equals("POST")) {
            probe = probe.withBody("text/plain", "payload");
        }
        Exchange e = executor(ScanMode.ACTIVE).execute(probe);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.request().method()).isEqualTo(followedWith);
        String body = followedWith.equals("POST") ? "payload" : "";
        assertThat(List.copyOf(seen).getLast()).isEqualTo(followedWith + " /final " + body);
    }

    @Test
    void aMethodChangedByA303StaysChangedThroughALater307() throws InterruptedException {
        ProbeRequest probe = ProbeRequest.of("POST", server.uri("/chain")).withBody("text/plain", "payload")
                .followingRedirects();
        Exchange e = executor(ScanMode.ACTIVE).execute(probe);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.redirects()).isEqualTo(2);
        assertThat(seen).containsExactly("POST /chain payload", "GET /s/307 ", "GET /final ");
    }

    private RequestExecutor executor(ScanMode mode) {
        return EngineFixtures.executor(transport, server.uri(), mode, 4, 3);
    }

    private Response record(LoopbackHttpServer.Request r, Response response) {
        seen.add(r.method() + " " + r.path() + " " + r.body());
        return response;
    }

    private static Response redirect(int status, String location) {
        return Response.empty(status).header("Location", location);
    }
}
