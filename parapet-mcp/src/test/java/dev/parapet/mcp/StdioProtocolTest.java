package dev.parapet.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.DemoApi;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.service.ScanService;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.parapet.mcp.DocumentedExampleTest.answer;
import static dev.parapet.mcp.DocumentedExampleTest.serve;
import static org.assertj.core.api.Assertions.assertThat;

/** The server on a pair of streams, spoken to in raw JSON-RPC: hints, progress and report resources. */
class StdioProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path home;

    private ParapetTools tools() {
        return new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                TargetPolicy.withSystemResolver(List.of()), Map.of("PARAPET_CHECKS", "www-authenticate,security-headers"));
    }

    private static String call(int id, String tool, Map<String, Object> args, Object progressToken) throws Exception {
        Map<String, Object> params = new java.util.LinkedHashMap<>(Map.of("name", tool, "arguments", args));
        if (progressToken != null) {
            params.put("_meta", Map.of("progressToken", progressToken));
        }
        return JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", "tools/call", "params", params));
    }

    @Test
    @org.junit.jupiter.api.Disabled("flaky: the second stdio session sometimes ends after two of its four answers;"
            + " McpServerIT and DocumentedExampleTest cover progress and resources until the race is found")
    void aScanSendsProgressForItsTokenAndItsReportsAreResources() throws Exception {
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.VULNERABLE)) {
            ParapetTools tools = tools();
            List<JsonNode> first = serve(tools, List.of(INIT, INITIALIZED,
                    call(2, "scan_api", Map.of("url", demo.uri().toString(), "mode", "passive"), "scan-1"),
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/templates/list\",\"params\":{}}"));

            JsonNode scan = answer(first, 2).path("result");
            assertThat(scan.path("isError").asBoolean()).as(scan.toString()).isFalse();
            String id = scan.path("structuredContent").path("scanId").asText();
            List<JsonNode> progress = first.stream().filter(m -> m.path("method").asText()
                    .equals("notifications/progress")).toList();
            assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.path("params").path("progressToken")
                    .asText()).isEqualTo("scan-1"));
            JsonNode last = progress.getLast().path("params");
            assertThat(last.path("progress").asDouble()).isEqualTo(last.path("total").asDouble());
            JsonNode templates = answer(first, 3).path("result").path("resourceTemplates");
            assertThat(templates.findValuesAsText("uriTemplate")).contains("parapet://scans/{scanId}/report.json",
                    "parapet://scans/{scanId}/report.md", "parapet://scans/{scanId}/report.sarif");

            List<JsonNode> second = serve(tools, List.of(INIT, INITIALIZED,
                    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":{\"uri\":"
                            + "\"parapet://scans/" + id + "/report.json\"}}",
                    call(5, "scan_api", Map.of("url", demo.uri().toString(), "mode", "passive"), null),
                    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/read\",\"params\":{\"uri\":"
                            + "\"parapet://scans/ffffffff/report.json\"}}"));
            JsonNode contents = answer(second, 4).path("result").path("contents").get(0);
            assertThat(contents.path("mimeType").asText()).isEqualTo("application/json");
            assertThat(JSON.readTree(contents.path("text").asText()).path("scanId").asText()).isEqualTo(id);
            assertThat(second).noneMatch(m -> m.path("method").asText().equals("notifications/progress"));
            assertThat(answer(second, 5).path("result").path("isError").asBoolean()).isFalse();
            assertThat(answer(second, 6).has("error")).isTrue();
        }
    }
}
