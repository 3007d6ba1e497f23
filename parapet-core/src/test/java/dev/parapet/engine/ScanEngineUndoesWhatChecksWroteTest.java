package dev.parapet.engine;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.event.EventBus;
import dev.parapet.model.Exchange;
import dev.parapet.model.ExchangeOutcome;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.WriteRecord;
import dev.parapet.model.WriteRecord.Outcome;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;
import dev.parapet.spi.Write;
import dev.parapet.spi.WriteTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The undo ledger through a whole scan: what checks record is listed in the report and undone once, at the end
 * when the check did not, even when the scan was stopped; DELETE goes only to objects the scan created, and only
 * with --allow-delete; writes are never shared through the probe cache, and a fresh read is really sent.
 */
class ScanEngineUndoesWhatChecksWroteTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> name = new AtomicReference<>("alice");
    private volatile boolean itemExists;
    private LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.builder()
                .observer(r -> received.add(r.method() + " " + r.path() + (r.body().isEmpty() ? "" : " " + r.body())))
                .route("GET", "/", r -> Response.json(200, "{\"ok\":true}"))
                .route("POST", "/items", r -> {
                    itemExists = true;
                    return Response.json(201, "{\"id\":7}").header("Location", "/items/7");
                })
                .route("DELETE", "/items/7", r -> {
                    itemExists = false;
                    return Response.empty(204);
                })
                .route("GET", "/items/7", r -> itemExists ? Response.json(200, "{\"id\":7}")
                        : Response.json(404, "{\"error\":\"gone\"}"))
                .route("PUT", "/parapet-fixture/profile-7c1f", r -> {
                    name.set(r.body().replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"));
                    return Response.json(200, "{\"name\":\"" + name.get() + "\"}");
                })
                .route("GET", "/parapet-fixture/profile-7c1f", r -> Response.json(200, "{\"name\":\"" + name.get() + "\"}"))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ScanConfig active(boolean allowDelete) {
        return EngineFixtures.config(server.uri()).withMode(ScanMode.ACTIVE, server.uri().getHost())
                .withAllowDelete(allowDelete);
    }

    private ScanReport scan(ScanConfig config, FixtureCheck.Body body) throws Exception {
        return new ScanEngine("t", config, List.of(FixtureCheck.of("writer", body)), new EventBus(List.of()), "test")
                .run();
    }

    private static FixtureCheck.Body creating(URI items) {
        return (ctx, self) -> {
            Exchange made = ctx.probe(ProbeRequest.of("POST", items).withBody("application/json", "{}"));
            URI object = items.resolve(made.responseHeaders().first("Location").orElseThrow());
            ctx.recordWrite(new Write.Created("POST /items", object, Optional.of(ProbeRequest.of("DELETE", object))));
            return CheckOutcome.none();
        };
    }

    private Write.Changed renamed(String newName) {
        URI profile = server.uri("/parapet-fixture/profile-7c1f");
        return new Write.Changed("PUT /parapet-fixture/profile-7c1f", profile, "/name", "\"alice\"", "\"" + newName + "\"",
                ProbeRequest.of("PUT", profile).withBody("application/json", "{\"name\":\"alice\"}"),
                ProbeRequest.get(profile));
    }

    @Test
    void deletesWhatACheckCreatedAtTheEndOfTheScanWithAllowDelete() throws Exception {
        ScanReport report = scan(active(true), creating(server.uri("/items")));
        assertThat(received).containsSubsequence("POST /items {}", "DELETE /items/7", "GET /items/7");
        assertThat(report.writes()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(WriteRecord.Kind.CREATED);
            assertThat(w.checkId()).isEqualTo("writer");
            assertThat(w.outcome()).isEqualTo(Outcome.UNDONE);
            assertThat(w.detail()).isEqualTo("DELETE /items/7 -> 204, then GET -> 404");
        });
        assertThat(itemExists).isFalse();
    }

    @Test
    void leavesCreatedObjectsBehindWithoutAllowDeleteAndSaysHowToRemoveThem() throws Exception {
        ScanReport report = scan(active(false), creating(server.uri("/items")));
        assertThat(received).noneMatch(r -> r.startsWith("DELETE"));
        assertThat(report.writes()).singleElement().satisfies(w -> {
            assertThat(w.outcome()).isEqualTo(Outcome.LEFT_BEHIND);
            assertThat(w.detail()).contains("--allow-delete was not given", "DELETE /items/7");
        });
        assertThat(report.writesNotUndone()).hasSize(1);
    }

    @Test
    void refusesADeleteToAnObjectTheScanDidNotCreateEvenWithAllowDelete() throws Exception {
        List<Exchange> deletes = new CopyOnWriteArrayList<>();
        scan(active(true), (ctx, self) -> {
            deletes.add(ctx.probe(ProbeRequest.of("DELETE", server.uri("/items/7"))));
            creating(server.uri("/items")).run(ctx, self);
            deletes.add(ctx.probe(ProbeRequest.of("DELETE", server.uri("/items/7"))));
            return CheckOutcome.none();
        });
        assertThat(deletes.getFirst().outcome()).isEqualTo(ExchangeOutcome.REFUSED);
        assertThat(deletes.getFirst().error()).contains("only to objects this scan created");
        assertThat(deletes.get(1).status()).isEqualTo(204);
        assertThat(received.stream().filter(r -> r.startsWith("DELETE"))).hasSize(2);
    }

    @Test
    void neverSendsDeleteWithoutAllowDeleteWhateverTheCheckAsks() throws Exception {
        List<Exchange> deletes = new CopyOnWriteArrayList<>();
        scan(active(false), (ctx, self) -> {
            creating(server.uri("/items")).run(ctx, self);
            deletes.add(ctx.probe(ProbeRequest.of("DELETE", server.uri("/items/7"))));
            return CheckOutcome.none();
        });
        assertThat(deletes).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(ExchangeOutcome.REFUSED));
        assertThat(received).noneMatch(r -> r.startsWith("DELETE"));
    }

    @Test
    void restoresAChangedFieldOnceThoughTheCheckAsksTwice() throws Exception {
        List<WriteRecord> answers = new CopyOnWriteArrayList<>();
        ScanReport report = scan(active(false), (ctx, self) -> {
            ctx.probe(ProbeRequest.of("PUT", server.uri("/parapet-fixture/profile-7c1f")).withBody("application/json",
                    "{\"name\":\"parapet-1\"}"));
            WriteTicket t = ctx.recordWrite(renamed("parapet-1"));
            answers.add(ctx.undo(t));
            answers.add(ctx.undo(t));
            return CheckOutcome.none();
        });
        assertThat(name.get()).isEqualTo("alice");
        assertThat(received.stream().filter(r -> r.equals("PUT /parapet-fixture/profile-7c1f {\"name\":\"alice\"}"))).hasSize(1);
        assertThat(answers).extracting(WriteRecord::outcome).containsExactly(Outcome.UNDONE, Outcome.UNDONE);
        assertThat(report.writes()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("/name");
            assertThat(w.oldValue()).isEqualTo("\"alice\"");
            assertThat(w.detail()).isEqualTo("PUT /parapet-fixture/profile-7c1f -> 200, then GET showed the old value");
        });
    }

    @Test
    void sendsNoRestoreWhenTheTargetDidNotKeepTheChange() throws Exception {
        ScanReport report = scan(active(false), (ctx, self) -> {
            ctx.recordWrite(renamed("parapet-2"));
            return CheckOutcome.none();
        });
        assertThat(received).noneMatch(r -> r.startsWith("PUT"));
        assertThat(report.writes()).singleElement().satisfies(w -> assertThat(w.outcome())
                .isEqualTo(Outcome.NOTHING_TO_UNDO));
    }

    @Test
    void undoesWhatAStoppedCheckLeftAfterTheTimeBudgetRanOut() throws Exception {
        ScanConfig shortScan = active(false).withMaxTime(Duration.ofSeconds(2));
        ScanReport report = scan(shortScan, (ctx, self) -> {
            ctx.probe(ProbeRequest.of("PUT", server.uri("/parapet-fixture/profile-7c1f")).withBody("application/json",
                    "{\"name\":\"parapet-3\"}"));
            ctx.recordWrite(renamed("parapet-3"));
            Thread.sleep(60_000);
            return CheckOutcome.none();
        });
        assertThat(report.complete()).isFalse();
        assertThat(name.get()).isEqualTo("alice");
        assertThat(report.writes()).singleElement().satisfies(w -> assertThat(w.outcome()).isEqualTo(Outcome.UNDONE));
    }

    @Test
    void sendsIdenticalWritesEveryTimeAndFreshReadsPastTheCache() throws Exception {
        scan(active(false), (ctx, self) -> {
            ProbeRequest put = ProbeRequest.of("PUT", server.uri("/parapet-fixture/profile-7c1f")).withBody("application/json",
                    "{\"name\":\"alice\"}");
            ctx.probe(put);
            ctx.probe(put);
            ctx.probe(ProbeRequest.get(server.uri("/parapet-fixture/profile-7c1f")).as(Identity.PRIMARY));
            ctx.probeFresh(ProbeRequest.get(server.uri("/parapet-fixture/profile-7c1f")));
            return CheckOutcome.none();
        });
        assertThat(received.stream().filter(r -> r.startsWith("PUT /parapet-fixture/profile-7c1f"))).hasSize(2);
        assertThat(received.stream().filter(r -> r.equals("GET /parapet-fixture/profile-7c1f"))).hasSize(2);
    }
}
