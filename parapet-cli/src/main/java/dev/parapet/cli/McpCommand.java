package dev.parapet.cli;

import dev.parapet.mcp.OnceOpened;
import dev.parapet.mcp.ParapetMcpServer;
import dev.parapet.mcp.ParapetTools;
import dev.parapet.mcp.TargetPolicy;
import dev.parapet.service.ParapetVersion;
import dev.parapet.service.ScanService;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parapet mcp}: an MCP server on stdin/stdout for AI coding assistants. Stdout carries only protocol
 * messages: before serving, {@link System#out} is pointed at stderr so no stray print can corrupt the channel.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve scans and the scan history to AI coding assistants over MCP (stdio).",
                "Only loopback and private targets are scanned unless --allow-target admits more. "
                        + "Exits when its input closes."})
final class McpCommand implements Callable<Integer> {

    @Option(names = "--allow-target", paramLabel = "PATTERN",
            description = "Also allow scanning targets matching PATTERN: addresses the target resolves to "
                    + "(10.0.0.0/24, 10.0.0.*, 203.0.113.7, fd00::/8) or a host name exactly (api.example.com; "
                    + "*.staging.example.com for its subdomains). Repeatable.")
    List<String> allowTargets = new ArrayList<>();

    @Mixin
    DbOption db = new DbOption();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    @Override
    public Integer call() throws InterruptedException {
        logging.apply();
        TargetPolicy policy = TargetPolicy.withSystemResolver(allowTargets);
        StoreLocation location = db.location();
        PrintStream protocol = System.out;
        System.setOut(System.err);
        ParapetTools tools = new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(location)), policy, System.getenv());
        ParapetMcpServer.serve(tools, ParapetVersion.get(), System.in, protocol);
        return ExitCode.PASSED.code;
    }
}
