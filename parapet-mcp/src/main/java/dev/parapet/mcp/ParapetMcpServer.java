package dev.parapet.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The MCP server over a pair of streams (stdin/stdout in production): registers {@link ParapetMcpFeatures} and
 * serves until the input ends and every request read was answered. The output stream carries only protocol
 * messages; callers must make sure nothing else writes to it (see {@link #serve}).
 */
public final class ParapetMcpServer {

    private static final Logger LOG = LoggerFactory.getLogger(ParapetMcpServer.class);

    /**
     * How long answers still being computed are waited for once the input has ended: longer than any scan's time
     * budget a server is configured with in practice (default 120 s), short enough that a hung call cannot keep the
     * process for ever.
     */
    static final Duration ANSWER_WAIT = Duration.ofMinutes(15);

    private ParapetMcpServer() {
    }

    /**
     * Serves MCP on {@code in}/{@code out} until {@code in} reaches its end (the client closed it or went away) and
     * the requests it carried were answered, then shuts the server down and returns. Tool failures become tool
     * results with {@code isError=true}; they never end the session.
     */
    public static void serve(ParapetTools tools, String version, InputStream in, OutputStream out)
            throws InterruptedException {
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        AnswersBeforeEnd answers = new AnswersBeforeEnd(ANSWER_WAIT);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, answers.input(in),
                answers.output(out));
        McpSyncServer server = new ParapetMcpFeatures(tools, json)
                .registerOn(McpServer.sync(transport).serverInfo("parapet", version)).build();
        answers.ended().await();
        LOG.debug("input closed; shutting the MCP server down");
        server.closeGracefully();
    }
}
