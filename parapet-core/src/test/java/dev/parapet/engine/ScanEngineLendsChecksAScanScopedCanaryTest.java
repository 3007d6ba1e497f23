package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.model.ScanMode;
import dev.parapet.spi.Canary;
import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.ProbeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A loopback "fetcher" target that requests whatever loopback URL it is given, as an SSRF-prone API would. */
class ScanEngineLendsChecksAScanScopedCanaryTest {

    private static final HttpClient FETCHER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private LoopbackHttpServer target;

    @BeforeEach
    void start() throws IOException {
        target = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200, "{\"fetch\":\"/fetch?url=http://127.0.0.1/x\"}"))
                .route("GET", "/fetch", r -> fetch(r.param("url")))
                .start();
    }

    @AfterEach
    void stop() {
        target.close();
    }

    @Test
    void recordsTheTargetsRequestToAPlantedTokenAndStopsWithTheScan() throws Exception {
        AtomicReference<CanaryToken> minted = new AtomicReference<>();
        AtomicReference<List<CanaryHit>> seen = new AtomicReference<>(List.of());
        FixtureCheck check = FixtureCheck.of("oob", (ctx, self) -> {
            Canary canary = ctx.canary().orElseThrow();
            CanaryToken token = canary.mint("engine test");
            minted.set(token);
            ctx.probe(ProbeRequest.get(fetchUri(token.url())));
            seen.set(canary.awaitHits(token, Duration.ofSeconds(3)));
            return CheckOutcome.none();
        });
        scan(EngineFixtures.config(target.uri()), check);

        assertThat(seen.get()).singleElement().satisfies(hit -> {
            assertThat(hit.method()).isEqualTo("GET");
            assertThat(hit.path()).isEqualTo("/" + minted.get().token());
            assertThat(hit.userAgent()).isEqualTo("fixture-fetcher");
        });
        assertThatThrownBy(() -> FETCHER.send(HttpRequest.newBuilder(minted.get().url()).build(),
                HttpResponse.BodyHandlers.discarding())).as("the canary stops with the scan")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void plantsUrlsBuiltOnTheOobUrlAndListensOnItsPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        AtomicReference<CanaryToken> minted = new AtomicReference<>();
        AtomicReference<List<CanaryHit>> seen = new AtomicReference<>(List.of());
        FixtureCheck check = FixtureCheck.of("oob", (ctx, self) -> {
            CanaryToken token = ctx.canary().orElseThrow().mint("oob url");
            minted.set(token);
            ctx.probe(ProbeRequest.get(fetchUri(token.url())));
            seen.set(ctx.canary().orElseThrow().awaitHits(token, Duration.ofSeconds(3)));
            return CheckOutcome.none();
        });
        scan(EngineFixtures.config(target.uri()).withOobUrl("http://127.0.0.1:" + port), check);

        assertThat(minted.get().url().toString()).startsWith("http://127.0.0.1:" + port + "/");
        assertThat(seen.get()).hasSize(1);
    }

    @Test
    void lendsNoCanaryWhenTheOobUrlsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            AtomicReference<Optional<Canary>> lent = new AtomicReference<>();
            FixtureCheck check = FixtureCheck.of("oob", (ctx, self) -> {
                lent.set(ctx.canary());
                return CheckOutcome.none();
            });
            scan(EngineFixtures.config(target.uri()).withOobUrl("http://127.0.0.1:" + taken.getLocalPort()), check);
            assertThat(lent.get()).isEmpty();
        }
    }

    @Test
    void lendsNoCanaryInPassiveMode() throws Exception {
        AtomicReference<Optional<Canary>> lent = new AtomicReference<>();
        FixtureCheck check = FixtureCheck.of("oob", (ctx, self) -> {
            lent.set(ctx.canary());
            return CheckOutcome.none();
        });
        scan(EngineFixtures.config(target.uri()).withMode(ScanMode.PASSIVE, ""), check);
        assertThat(lent.get()).isEmpty();
    }

    @Test
    void givesEveryCheckTheSameCanary() throws Exception {
        AtomicReference<Canary> first = new AtomicReference<>();
        AtomicReference<Canary> second = new AtomicReference<>();
        scan(EngineFixtures.config(target.uri()),
                FixtureCheck.of("a", (ctx, self) -> {
                    first.set(ctx.canary().orElseThrow());
                    return CheckOutcome.none();
                }),
                FixtureCheck.of("b", (ctx, self) -> {
                    second.set(ctx.canary().orElseThrow());
                    return CheckOutcome.none();
                }));
        assertThat(first.get()).isSameAs(second.get());
    }

    private URI fetchUri(URI url) {
        return target.uri("/fetch?url=" + URLEncoder.encode(url.toString(), StandardCharsets.UTF_8));
    }

    private static Response fetch(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost())) {
            return Response.json(400, "{\"error\":\"loopback only in this fixture\"}");
        }
        try {
            HttpResponse<String> r = FETCHER.send(HttpRequest.newBuilder(uri).header("User-Agent", "fixture-fetcher")
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return Response.html(r.statusCode(), r.body());
        } catch (IOException e) {
            return Response.json(502, "{\"error\":\"fetch failed\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.json(503, "{}");
        }
    }

    private static void scan(ScanConfig config, FixtureCheck... checks) throws Exception {
        new ScanEngine("t", config, List.of(checks), new EventBus(List.of()), "test").run();
    }
}
