package dev.parapet.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Parapet's MCP tools and report resources, independent of the transport: {@link #registerOn} adds them, the
 * capabilities and the instructions to any synchronous {@link McpServer} builder (stdio in {@link ParapetMcpServer},
 * streamable HTTP in the server). Each tool declares its input and output schema and truthful behaviour hints
 * ({@link ToolSchemas}); {@code scan_api} sends progress notifications when the call carries a progress token.
 * Tool failures become tool results with {@code isError=true}; they never end the session. Thread-safe.
 */
public final class ParapetMcpFeatures {

    private static final Logger LOG = LoggerFactory.getLogger(ParapetMcpFeatures.class);

    static final String INSTRUCTIONS = "Parapet is a black-box API security scanner. scan_api scans an HTTP API"
            + " (loopback and private addresses unless the server admits more), stores the result and answers with"
            + " its verdict, grade, counts and top findings; get_finding explains one finding, get_report and the"
            + " parapet://scans/{scanId}/report.* resources give the whole report; get_scan, list_scans and"
            + " diff_scans read the stored history; list_checks lists what is tested.";

    private final ParapetTools tools;
    private final McpJsonMapper json;

    public ParapetMcpFeatures(ParapetTools tools, McpJsonMapper json) {
        this.tools = tools;
        this.json = json;
    }

    /** Adds the tools, the report resource templates, the capabilities they need and the instructions. */
    public McpServer.SyncSpecification<?> registerOn(McpServer.SyncSpecification<?> builder) {
        return builder.instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(tools())
                .resourceTemplates(resourceTemplates());
    }

    public List<SyncToolSpecification> tools() {
        return List.of(
                spec(ToolSchemas.SCAN_API, (exchange, request) -> tools.scanApi(request.arguments(),
                        progressTo(exchange, request.progressToken()))),
                spec(ToolSchemas.GET_SCAN, (exchange, request) -> tools.getScan(request.arguments())),
                spec(ToolSchemas.GET_FINDING, (exchange, request) -> tools.getFinding(request.arguments())),
                spec(ToolSchemas.GET_REPORT, (exchange, request) -> tools.getReport(request.arguments())),
                spec(ToolSchemas.LIST_SCANS, (exchange, request) -> tools.listScans(request.arguments())),
                spec(ToolSchemas.DIFF_SCANS, (exchange, request) -> tools.diffScans(request.arguments())),
                spec(ToolSchemas.LIST_CHECKS, (exchange, request) -> tools.listChecks(request.arguments())));
    }

    public List<SyncResourceTemplateSpecification> resourceTemplates() {
        return Arrays.stream(ReportResources.Kind.values()).map(kind -> new SyncResourceTemplateSpecification(
                McpSchema.ResourceTemplate.builder().uriTemplate(ReportResources.template(kind))
                        .name("report." + kind.file().substring("report.".length()))
                        .title("Parapet " + kind.id() + " report")
                        .description("A stored scan's whole report as " + kind.id()
                                + "; {scanId} is an id from scan_api or list_scans")
                        .mimeType(kind.mimeType()).build(),
                (exchange, request) -> read(request.uri()))).toList();
    }

    private McpSchema.ReadResourceResult read(String uri) {
        try {
            ParapetTools.Report report = tools.readReport(uri);
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri,
                    report.mimeType(), report.text())));
        } catch (ToolException e) {
            throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
                    e.getMessage(), null));
        }
    }

    /** Progress for {@code token}, or nowhere when the client asked for none. */
    private static ScanProgress.Sink progressTo(McpSyncServerExchange exchange, Object token) {
        if (token == null) {
            return ScanProgress.Sink.NONE;
        }
        return (done, total, message) -> {
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(token, done, total, message));
            } catch (RuntimeException e) {
                // a client that went away must not stop the scan; the answer will fail to reach it anyway
                LOG.debug("progress notification not sent", e);
            }
        };
    }

    private SyncToolSpecification spec(ToolSchemas schema,
                                       BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest,
                                               ParapetTools.Output> handler) {
        ToolSchemas.Hints h = schema.hints();
        McpSchema.Tool tool = McpSchema.Tool.builder().name(schema.toolName()).description(schema.description())
                .inputSchema(json, schema.inputSchema()).outputSchema(json, schema.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(null, h.readOnly(), h.destructive(), h.idempotent(),
                        h.openWorld(), null))
                .build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> call(schema.toolName(),
                        arguments -> handler.apply(exchange, request), request.arguments()))
                .build();
    }

    static McpSchema.CallToolResult call(String name,
                                         java.util.function.Function<Map<String, Object>, ParapetTools.Output> handler,
                                         Map<String, Object> arguments) {
        try {
            ParapetTools.Output output = handler.apply(arguments);
            return McpSchema.CallToolResult.builder().addTextContent(output.text()).isError(false)
                    .structuredContent(output.structured()).build();
        } catch (ToolException e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed", name, e);
            return error(name + " failed unexpectedly: " + oneLine(String.valueOf(e)));
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(oneLine(message)).isError(true).build();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
