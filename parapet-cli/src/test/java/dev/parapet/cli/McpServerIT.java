package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.demo.DemoApi;
import dev.parapet.demo.LoopbackHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parapet mcp} from the shaded jar, driven by the MCP Java SDK's own client over stdio, with its scan store
 * in a temporary Parapet home.
 */
class McpServerIT {

    @TempDir
    Path home;

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private McpSyncClient connect(Queue<String> stderr) {
        return connect(stderr, p -> {
        });
    }

    private McpSyncClient connect(Queue<String> stderr,
                                  java.util.function.Consumer<McpSchema.ProgressNotification> progress) {
        ServerParameters server = ServerParameters.builder(java())
                .args("-Dparapet.home=" + home, "-jar", System.getProperty("parapet.jar"), "mcp").build();
        StdioClientTransport transport = new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(stderr::add);
        return McpClient.sync(transport).progressConsumer(progress).requestTimeout(Duration.ofSeconds(150))
                .initializationTimeout(Duration.ofSeconds(60)).build();
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantScansTheDemoApiReadsTheHistoryAndComparesTwoScans() throws Exception {
        Queue<String> stderr = new ConcurrentLinkedQueue<>();
        List<McpSchema.ProgressNotification> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackHttpServer demo = DemoApi.start(DemoApi.Variant.VULNERABLE)) {
            McpSyncClient client = connect(stderr, progress::add);
            try {
                assertThat(client.initialize().serverInfo().name()).isEqualTo("parapet");
                List<McpSchema.Tool> tools = client.listTools().tools();
                assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("scan_api", "get_scan",
                        "get_finding", "get_report", "list_scans", "diff_scans", "list_checks");
                assertThat(tools).allSatisfy(t -> {
                    assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
                    assertThat(t.annotations().readOnlyHint()).as(t.name()).isEqualTo(!t.name().equals("scan_api"));
                    assertThat(t.annotations().openWorldHint()).as(t.name()).isEqualTo(t.name().equals("scan_api"));
                    assertThat(t.annotations().destructiveHint()).as(t.name()).isFalse();
                });

                // the client checks every structured answer against the tool's output schema
                CallToolResult first = client.callTool(new CallToolRequest("scan_api",
                        Map.of("url", demo.uri().toString()), Map.of("progressToken", "scan-1")));
                assertThat(first.isError()).as(text(first)).isFalse();
                Map<String, Object> report = (Map<String, Object>) first.structuredContent();
                String id = (String) report.get("scanId");
                assertThat((List<Object>) report.get("topFindings")).isNotEmpty();
                assertThat((Map<String, Object>) report.get("verdict")).containsKey("state");
                assertThat(text(first)).contains("Scan " + id).contains("Fix: ").contains("Coverage: ");
                // notifications are delivered on the client's own thread: give the last one a moment to arrive
                for (int i = 0; i < 100 && (progress.isEmpty()
                        || !progress.getLast().progress().equals(progress.getLast().total())); i++) {
                    Thread.sleep(50);
                }
                assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("scan-1"));
                assertThat(progress.getLast().progress()).isEqualTo(progress.getLast().total());

                String findingId = (String) ((List<Map<String, Object>>) report.get("topFindings")).getFirst()
                        .get("id");
                CallToolResult finding = call(client, "get_finding", Map.of("scanId", id, "findingId", findingId));
                assertThat(finding.isError()).as(text(finding)).isFalse();
                assertThat(text(finding)).contains("Reproduce:\ncurl ");

                McpSchema.ReadResourceResult json = client.readResource(
                        new McpSchema.ReadResourceRequest("parapet://scans/" + id + "/report.json"));
                String reportJson = ((McpSchema.TextResourceContents) json.contents().getFirst()).text();
                assertThat(new ObjectMapper().readTree(reportJson).path("scanId").asText()).isEqualTo(id);
                CallToolResult page = call(client, "get_report", Map.of("scanId", id, "format", "markdown"));
                assertThat(page.isError()).as(text(page)).isFalse();

                CallToolResult got = call(client, "get_scan", Map.of("scanId", id.substring(0, 6)));
                assertThat(got.isError()).as(text(got)).isFalse();
                assertThat(((Map<String, Object>) got.structuredContent()).get("scanId")).isEqualTo(id);

                CallToolResult second = call(client, "scan_api", Map.of("url", demo.uri().toString(),
                        "mode", "passive"));
                String secondId = (String) ((Map<String, Object>) second.structuredContent()).get("scanId");

                CallToolResult listed = call(client, "list_scans", Map.of("target", demo.uri().toString()));
                assertThat(text(listed)).contains(id).contains(secondId);
                assertThat((List<Object>) ((Map<String, Object>) listed.structuredContent()).get("scans")).hasSize(2);

                CallToolResult diff = call(client, "diff_scans", Map.of("a", id, "b", secondId));
                assertThat(diff.isError()).as(text(diff)).isFalse();
                assertThat(text(diff)).startsWith("From " + id + " to " + secondId);

                CallToolResult checks = call(client, "list_checks", Map.of());
                assertThat(text(checks)).contains("checks:");
            } finally {
                client.closeGracefully();
            }
        }
        assertThat(String.join("\n", stderr)).doesNotContain("Exception");
        assertNoServerLeftRunning();
    }

    /** The server processes this test started (found by their Parapet home) have all ended. */
    private void assertNoServerLeftRunning() throws Exception {
        List<ProcessHandle> servers = ProcessHandle.current().children()
                .filter(h -> h.info().commandLine().orElse("").contains("-Dparapet.home=" + home)).toList();
        for (ProcessHandle h : servers) {
            h.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(servers).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aPublicTargetIsRefusedByTheAllowListAndTheSessionGoesOn() throws Exception {
        Queue<String> stderr = new ConcurrentLinkedQueue<>();
        McpSyncClient client = connect(stderr);
        try {
            client.initialize();
            CallToolResult refused = call(client, "scan_api", Map.of("url", "http://8.8.8.8/"));
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).contains("outside the loopback and private ranges")
                    .contains("--allow-target").doesNotContain("\n");

            CallToolResult headers = call(client, "scan_api", Map.of("url", "http://127.0.0.1:9/",
                    "headers", Map.of("Authorization", "Bearer secret")));
            assertThat(headers.isError()).isTrue();
            assertThat(text(headers)).contains("does not accept headers");

            CallToolResult unknown = call(client, "get_scan", Map.of("scanId", "0000000000"));
            assertThat(unknown.isError()).isTrue();
            assertThat(call(client, "list_scans", Map.of()).isError()).isFalse();
        } finally {
            client.closeGracefully();
        }
        assertNoServerLeftRunning();
    }

    @Test
    void theServerExitsCleanlyWhenItsInputClosesAndPrintsNothingButProtocol() throws Exception {
        Process p = new ProcessBuilder(java(), "-Dparapet.home=" + home, "-jar", System.getProperty("parapet.jar"),
                "mcp").redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertThat(exited).as("parapet mcp exits when its input closes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
        assertThat(Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8)).isEmpty();
    }
}
