package dev.parapet.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The MCP server over a pair of streams (stdin/stdout in production): registers the tools of {@link ParapetTools}
 * and serves until the input ends. The output stream carries only protocol messages; callers must make sure nothing
 * else writes to it (see {@link #serve}).
 */
public final class ParapetMcpServer {

    private static final Logger LOG = LoggerFactory.getLogger(ParapetMcpServer.class);

    private ParapetMcpServer() {
    }

    /**
     * Serves MCP on {@code in}/{@code out} until {@code in} reaches its end (the client closed it or went away),
     * then shuts the server down and returns. Tool failures become tool results with {@code isError=true}; they
     * never end the session.
     */
    public static void serve(ParapetTools tools, String version, InputStream in, OutputStream out)
            throws InterruptedException {
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        CountDownLatch ended = new CountDownLatch(1);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, new EndAware(in, ended), out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("parapet", version)
                .instructions("Parapet is a black-box API security scanner. scan_api scans an HTTP API (loopback and"
                        + " private addresses unless the server admits more) and stores the result; get_scan,"
                        + " list_scans and diff_scans read the stored history; list_checks lists what is tested.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(specs(tools, json))
                .build();
        ended.await();
        LOG.debug("input closed; shutting the MCP server down");
        server.closeGracefully();
    }

    static List<SyncToolSpecification> specs(ParapetTools tools, McpJsonMapper json) {
        return List.of(
                spec(json, ToolSchemas.SCAN_API, tools::scanApi),
                spec(json, ToolSchemas.GET_SCAN, tools::getScan),
                spec(json, ToolSchemas.LIST_SCANS, tools::listScans),
                spec(json, ToolSchemas.DIFF_SCANS, tools::diffScans),
                spec(json, ToolSchemas.LIST_CHECKS, tools::listChecks));
    }

    private static SyncToolSpecification spec(McpJsonMapper json, ToolSchemas schema,
                                              Function<Map<String, Object>, ParapetTools.Output> handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(schema.toolName()).description(schema.description())
                .inputSchema(json, schema.inputSchema()).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> call(json, schema.toolName(), handler, request.arguments()))
                .build();
    }

    static McpSchema.CallToolResult call(McpJsonMapper json, String name,
                                         Function<Map<String, Object>, ParapetTools.Output> handler,
                                         Map<String, Object> arguments) {
        try {
            ParapetTools.Output output = handler.apply(arguments);
            var result = McpSchema.CallToolResult.builder().addTextContent(output.text()).isError(false);
            if (output.structured() instanceof String s) {
                result.structuredContent(json, s);
            } else {
                result.structuredContent(output.structured());
            }
            return result.build();
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

    /** Counts down {@code ended} when the wrapped input reaches its end or fails. */
    private static final class EndAware extends FilterInputStream {
        private final CountDownLatch ended;

        EndAware(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return signal(() -> super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return signal(() -> super.read(b, off, len));
        }

        private int signal(IoRead read) throws IOException {
            try {
                int n = read.get();
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @FunctionalInterface
        private interface IoRead {
            int get() throws IOException;
        }
    }
}
