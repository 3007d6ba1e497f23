package dev.parapet.engine;

import dev.parapet.spi.CanaryHit;
import dev.parapet.spi.CanaryToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanaryListenerRecordsOnlyItsOwnTokensTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private CanaryListener canary;

    @BeforeEach
    void start() throws IOException {
        canary = CanaryListener.start(new CanaryPlan(InetAddress.getByName("127.0.0.1"), 0, Optional.empty()));
    }

    @AfterEach
    void stop() {
        canary.close();
    }

    @Test
    void recordsTheRequestForAnIssuedTokenAndServesItsMarkup() throws Exception {
        CanaryToken token = canary.mint("ssrf avatar.url");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(token.url() + "/pic.png?size=2"))
                .header("User-Agent", "fetcher/1.0").GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(token.markupIn(answer.body())).isTrue();
        List<CanaryHit> hits = canary.awaitHits(token, Duration.ofSeconds(2));
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.method()).isEqualTo("GET");
            assertThat(hit.path()).isEqualTo("/" + token.token() + "/pic.png?size=2");
            assertThat(hit.userAgent()).isEqualTo("fetcher/1.0");
            assertThat(hit.remoteAddress()).startsWith("127.0.0.1:");
            assertThat(hit.summary()).contains("GET /" + token.token(), "User-Agent: fetcher/1.0");
        });
    }

    @Test
    void keepsHeadersSortedByNameWithoutHopByHopOnes() throws Exception {
        CanaryToken token = canary.mint("headers");
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        h2c.send(HttpRequest.newBuilder(token.url()).header("X-B", "2").header("X-A", "1").timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.discarding());
        List<String> names = canary.hits(token).getFirst().headers().fields().stream()
                .map(dev.parapet.model.Headers.Field::name).toList();
        assertThat(names).isSorted().contains("X-a", "X-b").doesNotContain("Connection", "Upgrade", "Http2-settings");
    }

    @Test
    void answersUnknownTokensWithAnEmptyNotFoundAndRecordsNothing() throws Exception {
        CanaryToken token = canary.mint("issued");
        URI base = token.url().resolve("/");
        String guessed = "0".repeat(token.token().length());

        assertThat(send(HttpRequest.newBuilder(base.resolve(guessed)).GET()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(base).GET()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(base.resolve("x" + token.token())).GET()).statusCode()).isEqualTo(404);
        assertThat(canary.awaitHits(token, Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void mintsUnguessableTokensWhoseMarkerIsNotInTheUrl() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            CanaryToken t = canary.mint("t" + i);
            assertThat(t.token()).matches("[0-9a-f]{32}");
            assertThat(t.url().toString()).startsWith("http://127.0.0.1:").endsWith("/" + t.token())
                    .doesNotContain(t.marker());
            assertThat(t.markup()).contains(t.marker()).startsWith("<");
            assertThat(seen.add(t.token())).isTrue();
            assertThat(seen.add(t.marker())).isTrue();
        }
    }

    @Test
    void capsTheHitsKeptPerTokenAndTheSizeOfWhatItStores() throws Exception {
        CanaryToken token = canary.mint("noisy");
        String longValue = "v".repeat(5_000);
        String bigBody = "b".repeat(20_000);
        for (int i = 0; i < CanaryLedger.MAX_HITS_PER_TOKEN + 4; i++) {
            send(HttpRequest.newBuilder(token.url()).header("X-Long", longValue)
                    .POST(HttpRequest.BodyPublishers.ofString(bigBody)));
        }
        List<CanaryHit> hits = canary.hits(token);
        assertThat(hits).hasSize(CanaryLedger.MAX_HITS_PER_TOKEN);
        assertThat(hits.getFirst().method()).isEqualTo("POST");
        assertThat(hits.getFirst().body()).hasSize(CanaryListener.MAX_BODY);
        assertThat(hits.getFirst().headers().first("X-Long")).hasValueSatisfying(v ->
                assertThat(v).hasSize(CanaryListener.MAX_VALUE));
    }

    @Test
    void wakesAWaiterWhenTheHitArrivesFromAnotherThread() throws Exception {
        CanaryToken token = canary.mint("late");
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                send(HttpRequest.newBuilder(token.url()).GET());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(canary.awaitHits(token, Duration.ofSeconds(5))).hasSize(1);
        sender.join();
    }

    @Test
    void stopsListeningWhenClosed() {
        CanaryToken token = canary.mint("closing");
        canary.close();
        assertThatThrownBy(() -> send(HttpRequest.newBuilder(token.url()).GET())).isInstanceOf(ConnectException.class);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
