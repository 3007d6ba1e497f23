package dev.parapet.mcp;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ConfigLoader;
import dev.parapet.http.PinnedAddresses;
import dev.parapet.model.ScanReport;
import dev.parapet.report.JsonReport;
import dev.parapet.service.ScanFailedException;
import dev.parapet.service.ScanService;
import dev.parapet.store.ScanDiff;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreException;
import dev.parapet.store.StoredScan;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What each MCP tool does, independent of the protocol: validates the arguments, runs the scan or reads the store,
 * and returns concise text for the assistant plus structured content. Every failure is a {@link ToolException} with
 * a one-line message. Thread-safe: the service and store are, and this class keeps no other state.
 *
 * <p>Scans take their settings from the server's own environment ({@code PARAPET_*}) plus the few arguments the
 * {@code scan_api} tool declares; nothing that carries credentials can come from a tool argument.
 */
public final class ParapetTools {

    /** A tool's answer: {@code text} for the assistant to read, {@code structured} as JSON-compatible data. */
    public record Output(String text, Object structured) {
    }

    private final ScanService service;
    private final Supplier<ScanStore> store;
    private final TargetPolicy policy;
    private final Map<String, String> serverEnvironment;

    /**
     * @param store opened on first use, so a server whose store is unreachable still lists checks and explains
     *              the store error on the tools that need it
     */
    public ParapetTools(ScanService service, Supplier<ScanStore> store, TargetPolicy policy,
                        Map<String, String> serverEnvironment) {
        this.service = service;
        this.store = store;
        this.policy = policy;
        this.serverEnvironment = Map.copyOf(serverEnvironment);
    }

    public Output scanApi(Map<String, Object> arguments) {
        Args args = new Args("scan_api", arguments, Set.of("url", "spec", "context", "tier", "mode"));
        if (args.has("spec")) {
            throw new ToolException("scan_api: spec is not supported yet (OpenAPI-guided scanning is not available);"
                    + " call scan_api without it to discover endpoints by crawling");
        }
        if (args.has("tier")) {
            throw new ToolException("scan_api: tier is not supported yet; call scan_api without it");
        }
        URI target;
        ConfigLoader.Resolved resolved;
        try {
            target = ConfigLoader.parseTarget(args.requiredText("url"));
            Map<String, String> flags = new LinkedHashMap<>();
            putIfPresent(flags, "mode", args.text("mode"));
            putIfPresent(flags, "context", args.text("context"));
            resolved = ConfigLoader.resolve(target, Map.of(),
                    ConfigLoader.withoutCredentials(ConfigLoader.fromEnvironment(serverEnvironment)), flags);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ToolException("scan_api: " + e.getMessage());
        }
        ScanReport report;
        // the host is resolved and judged once, and the scan connects only to the addresses judged
        try (PinnedAddresses.Pin pinned = policy.admit(resolved.scan().target())) {
            report = service.run(resolved.scan(), List.of());
        } catch (ScanFailedException e) {
            throw new ToolException("scan_api: the scan could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("scan_api: interrupted before the scan produced a report");
        }
        String id = withStore(s -> s.save(report));
        return new Output(Summaries.scan(report, "stored as " + id), JsonReport.toJson(report));
    }

    public Output getScan(Map<String, Object> arguments) {
        Args args = new Args("get_scan", arguments, Set.of("scanId"));
        String id = args.requiredText("scanId");
        ScanReport report = withStore(s -> s.find(id));
        return new Output(Summaries.scan(report, "from the store"), JsonReport.toJson(report));
    }

    public Output listScans(Map<String, Object> arguments) {
        Args args = new Args("list_scans", arguments, Set.of("limit", "offset", "target"));
        int limit = args.integer("limit", 20, 1, 200);
        int offset = args.integer("offset", 0, 0, Integer.MAX_VALUE);
        String target = args.text("target");
        List<StoredScan> scans = withStore(s -> s.history(target == null || target.isEmpty() ? null : target,
                limit, offset));
        return new Output(Summaries.history(scans), Map.of("scans", scans.stream().map(Summaries::row).toList()));
    }

    public Output diffScans(Map<String, Object> arguments) {
        Args args = new Args("diff_scans", arguments, Set.of("a", "b"));
        String a = args.requiredText("a");
        String b = args.requiredText("b");
        ScanDiff diff = withStore(s -> s.diff(a, b));
        return new Output(Summaries.diff(diff), Summaries.diffData(diff));
    }

    public Output listChecks(Map<String, Object> arguments) {
        new Args("list_checks", arguments, Set.of());
        var checks = service.descriptors();
        return new Output(Summaries.checks(checks), Map.of("checks", checks.stream().map(Summaries::check).toList()));
    }

    private <T> T withStore(java.util.function.Function<ScanStore, T> action) {
        try {
            return action.apply(store.get());
        } catch (StoreException e) {
            throw new ToolException(e.getMessage());
        }
    }

    private static void putIfPresent(Map<String, String> flags, String key, String value) {
        if (value != null && !value.isEmpty()) {
            flags.put(key, value);
        }
    }
}
