package dev.parapet.spec;

import dev.parapet.config.ScanConfig;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.OperationCoverage;
import dev.parapet.model.ScanMode;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.model.Untested;
import dev.parapet.service.ScanService;
import dev.parapet.spi.CheckContext;
import dev.parapet.spi.CheckDescriptor;
import dev.parapet.spi.InputCheck;
import dev.parapet.spi.InputLocation;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's surface, end to end from an OpenAPI document: every documented operation and input reaches the
 * input checks that apply (optional parameters with their defaults, path segments, header and body fields), in
 * the planner's order, under the scan's budget, with coverage that says what was and was not tested.
 */
class SurfaceCoversEveryDocumentedInputTest {

    private static final String SPEC = """
            {"openapi":"3.0.3","info":{"title":"Statements","version":"1"},
             "paths":{
              "/statements/{accountId}":{"get":{"operationId":"statement",
                "parameters":[{"name":"accountId","in":"path","required":true,"schema":{"type":"integer"}},
                  {"name":"template","in":"query","schema":{"type":"string","default":"statement.txt"}},
                  {"name":"X-Locale","in":"header","schema":{"type":"string","example":"en"}}],
                "responses":{"200":{"description":"ok"}}}},
              "/pictures":{"get":{"parameters":[{"name":"picture","in":"query","required":true,
                  "description":"Name of the picture file to show","schema":{"type":"string"}}],
                "responses":{"200":{"description":"ok"}}}},
              "/hooks":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
                  "type":"object","required":["target"],"properties":{
                   "target":{"type":"string","format":"uri"},
                   "owner":{"type":"object","properties":{"email":{"type":"string","format":"email"}}}}}}}},
                "responses":{"201":{"description":"created"}}}},
              "/admin/reset":{"get":{"summary":"Resets the demo data","responses":{"200":{"description":"ok"}}}}
             }}""";

    /** Records every point it is handed and the requests its screens built; finds nothing. */
    static final class EveryInput implements InputCheck<String> {
        final List<InputPoint> handed = new CopyOnWriteArrayList<>();

        @Override
        public CheckDescriptor descriptor() {
            return new CheckDescriptor("every-input", Category.INPUT_VALIDATION, "Every input", "Tests every input.",
                    Severity.LOW, List.of(20), 0, Set.of(), "None.");
        }

        @Override
        public boolean appliesTo(InputPoint point) {
            return true;
        }

        @Override
        public int screenCost() {
            return 1;
        }

        @Override
        public int confirmCost() {
            return 1;
        }

        @Override
        public Optional<String> screen(CheckContext ctx, InputPoint point) throws InterruptedException {
            handed.add(point);
            ctx.probe(point.withValue("parapet'probe"));
            return point.is(ValueShape.FILE) ? Optional.of("file") : Optional.empty();
        }

        @Override
        public List<Finding> confirm(CheckContext ctx, InputPoint point, String signal) throws InterruptedException {
            ctx.probe(point.withValue("parapet-confirm"));
            return List.of(Finding.builder("every-input", Category.INPUT_VALIDATION).severity(Severity.LOW)
                    .confidence(Confidence.TENTATIVE).title("signal on " + point.name())
                    .endpoint(new Endpoint(point.operation().method(), point.operation().uri(),
                            point.operation().source())).parameter(point.name()).evidence(signal)
                    .remediation("none").discriminator(point.key()).build());
        }
    }

    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    private LoopbackHttpServer api() throws IOException {
        return LoopbackHttpServer.builder()
                .observer(r -> received.computeIfAbsent(r.method() + " " + r.path(), k -> new CopyOnWriteArrayList<>())
                        .add(r.uri().getRawQuery() == null ? r.body() : r.uri().getRawQuery()))
                .route("GET", "/openapi.json", r -> Response.json(200, SPEC))
                .route("GET", "/", r -> Response.json(200, "{\"name\":\"statements\"}"))
                .route("*", "*", r -> Response.json(200, "{\"ok\":true}"))
                .start();
    }

    private static ScanReport scan(URI target, ScanMode mode, EveryInput check, int maxRequests) throws Exception {
        ScanConfig config = ScanConfig.defaults(target).withRate(500, 8).withMaxTime(Duration.ofSeconds(60))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withMode(mode, mode == ScanMode.ACTIVE ? target.getHost() : "").withMaxRequests(maxRequests);
        return new ScanService(List.of(check)).run(config, List.of());
    }

    @Test
    void handsEveryDocumentedInputToTheChecksThatApplyInActiveMode() throws Exception {
        EveryInput check = new EveryInput();
        try (LoopbackHttpServer server = api()) {
            ScanReport report = scan(server.uri(), ScanMode.ACTIVE, check, 0);
            assertThat(check.handed).extracting(p -> p.location() + " " + p.name()).containsExactlyInAnyOrder(
                    "PATH accountId", "QUERY template", "HEADER X-Locale", "QUERY picture", "JSON target",
                    "JSON owner.email");
            InputPoint template = only(check, "template");
            assertThat(template.value()).isEqualTo("statement.txt");
            assertThat(template.documentedValues()).contains("statement.txt");
            assertThat(template.shapes()).contains(ValueShape.FILE);
            assertThat(only(check, "picture").shapes()).as("from its description").contains(ValueShape.FILE);
            assertThat(only(check, "target").shapes()).as("from its format").contains(ValueShape.URL);
            assertThat(only(check, "accountId").shapes()).contains(ValueShape.IDENTIFIER, ValueShape.NUMERIC);
            assertThat(only(check, "owner.email").locator()).isEqualTo("/owner/email");

            assertThat(received.get("GET /statements/1")).as("the optional parameter is called with its default")
                    .anyMatch(q -> q.contains("template=statement.txt"));
            assertThat(received.get("POST /hooks")).as("the body field is varied inside the synthesised body")
                    .anyMatch(b -> b.contains("\"email\":\"parapet'probe\"") && b.contains("\"target\""));
            assertThat(received.keySet()).as("the path segment is injected").anyMatch(k -> k.startsWith(
                    "GET /statements/parapet"));

            CheckRun run = report.checks().getFirst();
            assertThat(run.status()).isEqualTo(CheckStatus.COMPLETED);
            assertThat(run.inputsApplicable()).isEqualTo(6);
            assertThat(run.inputsTested()).isEqualTo(6);
            assertThat(run.requests()).isLessThanOrEqualTo(run.budget());
            assertThat(report.coverage().inputsPercent()).isEqualTo(100);
            assertThat(report.coverage().details()).extracting(OperationCoverage::display)
                    .contains("GET /statements/{accountId}", "GET /pictures", "POST /hooks", "GET /admin/reset");
        }
    }

    @Test
    void safeModeLeavesBodiesAndStateChangingOperationsUntestedAndSaysWhy() throws Exception {
        EveryInput check = new EveryInput();
        try (LoopbackHttpServer server = api()) {
            ScanReport report = scan(server.uri(), ScanMode.SAFE, check, 0);
            assertThat(check.handed).noneMatch(p -> p.location() == InputLocation.JSON);
            assertThat(received.keySet()).noneMatch(k -> k.startsWith("POST "));
            assertThat(received.getOrDefault("GET /admin/reset", List.of()))
                    .as("a GET its summary calls a reset is never called in safe mode").isEmpty();
            OperationCoverage hooks = op(report, "POST /hooks");
            assertThat(hooks.untested()).contains(Untested.MODE);
            assertThat(hooks.untestedInputs()).allMatch(u -> u.endsWith("mode"));
            assertThat(op(report, "GET /admin/reset").untested()).contains(Untested.STATE_CHANGING);
            assertThat(report.checks().getFirst().status()).isEqualTo(CheckStatus.COMPLETED);
        }
    }

    @Test
    void aSmallBudgetLeavesTheCheckPartialAndNamesWhatWasNotTested() throws Exception {
        EveryInput check = new EveryInput();
        try (LoopbackHttpServer server = api()) {
            // discovery and the spec stage spend some; what is left cannot cover six points at two probes each
            ScanReport probe = scan(server.uri(), ScanMode.ACTIVE, new EveryInput(), 0);
            int discovery = (int) probe.stats().requestsSent() - probe.checks().getFirst().requests();
            received.clear();
            ScanReport report = scan(server.uri(), ScanMode.ACTIVE, check, discovery + 4);
            CheckRun run = report.checks().getFirst();
            assertThat(run.status()).isEqualTo(CheckStatus.PARTIAL);
            assertThat(run.reason()).contains("over the request budget");
            assertThat(run.inputsTested()).isLessThan(run.inputsApplicable());
            assertThat(report.coverage().details()).flatMap(OperationCoverage::untestedInputs)
                    .anyMatch(u -> u.endsWith("request budget"));
            assertThat(report.coverage().inputsPercent()).isLessThan(100);
        }
    }

    @Test
    void twoScansWithTheSameSeedSendTheSameRequests() throws Exception {
        List<Set<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            received.clear();
            try (LoopbackHttpServer server = api()) {
                scan(server.uri(), ScanMode.ACTIVE, new EveryInput(), 0);
            }
            Set<String> sent = new TreeSet<>();
            received.forEach((k, v) -> v.forEach(q -> sent.add(k + " " + q.replaceAll("\"owner\"", "owner"))));
            runs.add(sent);
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    private static InputPoint only(EveryInput check, String name) {
        return check.handed.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static OperationCoverage op(ScanReport r, String display) {
        return r.coverage().details().stream().filter(d -> d.display().equals(display)).findFirst().orElseThrow();
    }
}
