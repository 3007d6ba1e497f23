package dev.parapet.mcp;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ConfigLoader;
import dev.parapet.http.PinnedAddresses;
import dev.parapet.model.ScanReport;
import dev.parapet.service.ScanFailedException;
import dev.parapet.service.ScanService;
import dev.parapet.store.ScanDiff;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreException;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What each MCP tool does, independent of the protocol: validates the arguments, runs the scan or reads the store,
 * and returns concise text for the assistant plus structured content matching the tool's output schema. Every
 * failure is a {@link ToolException} with a one-line message. Thread-safe: the service and store are, and this
 * class keeps no other state.
 *
 * <p>Scans take their settings from the server's own environment ({@code PARAPET_*}) plus the few arguments the
 * {@code scan_api} tool declares; nothing that carries credentials can come from a tool argument. A {@code spec}
 * is a file under the server's working directory or a URL the target policy admits (see {@link SpecArgument}).
 */
public final class ParapetTools {

    /** A tool's answer: {@code text} for the assistant to read, {@code structured} as JSON-compatible data. */
    public record Output(String text, Map<String, Object> structured) {
    }

    /** A rendered report: its text and media type. */
    public record Report(String text, String mimeType) {
    }

    /** {@code get_report}'s page size when the call names none, and its largest. */
    static final int DEFAULT_REPORT_CHARS = 50_000;
    static final int MAX_REPORT_CHARS = 200_000;

    private final ScanService service;
    private final Supplier<ScanStore> store;
    private final TargetPolicy policy;
    private final Map<String, String> serverEnvironment;
    private final Path workingDirectory;

    /**
     * @param store            opened on first use, so a server whose store is unreachable still lists checks and
     *                         explains the store error on the tools that need it
     * @param workingDirectory the directory a {@code spec} file must lie under
     */
    public ParapetTools(ScanService service, Supplier<ScanStore> store, TargetPolicy policy,
                        Map<String, String> serverEnvironment, Path workingDirectory) {
        this.service = service;
        this.store = store;
        this.policy = policy;
        this.serverEnvironment = Map.copyOf(serverEnvironment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** With the process's working directory as the one {@code spec} files must lie under. */
    public ParapetTools(ScanService service, Supplier<ScanStore> store, TargetPolicy policy,
                        Map<String, String> serverEnvironment) {
        this(service, store, policy, serverEnvironment, Path.of(""));
    }

    public Output scanApi(Map<String, Object> arguments) {
        return scanApi(arguments, ScanProgress.Sink.NONE);
    }

    /** Runs the scan, reporting progress to {@code progress} as checks complete. */
    public Output scanApi(Map<String, Object> arguments, ScanProgress.Sink progress) {
        Args args = new Args("scan_api", arguments, Set.of("url", "spec", "context", "tier", "mode"));
        URI target;
        ConfigLoader.Resolved resolved;
        Optional<SpecArgument> spec = Optional.ofNullable(args.text("spec")).filter(s -> !s.isEmpty())
                .map(s -> SpecArgument.judge(s, workingDirectory, policy));
        try {
            target = ConfigLoader.parseTarget(args.requiredText("url"));
            Map<String, String> flags = new LinkedHashMap<>();
            putIfPresent(flags, "mode", args.text("mode"));
            putIfPresent(flags, "context", args.text("context"));
            putIfPresent(flags, "tier", args.text("tier"));
            Map<String, String> environment = ConfigLoader.withoutCredentials(
                    ConfigLoader.fromEnvironment(serverEnvironment));
            spec.ifPresent(s -> {
                flags.put("spec", s.spec());
                s.specHost().ifPresent(h -> flags.put("spec-host", String.join(",", withHost(environment, h))));
            });
            resolved = ConfigLoader.resolve(target, Map.of(), environment, flags);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ToolException("scan_api: " + e.getMessage());
        }
        ScanReport report;
        // each host is resolved and judged once, and the scan connects only to the addresses judged
        try (PinnedAddresses.Pin pinned = policy.admit(resolved.scan().target());
             PinnedAddresses.Pin specPin = spec.flatMap(SpecArgument::url).map(policy::admit).orElse(NO_PIN)) {
            report = service.run(resolved.scan(), List.of(new ScanProgress(progress)));
        } catch (ScanFailedException e) {
            throw new ToolException("scan_api: the scan could not run: " + e.getMessage());
        } catch (ConfigException e) {
            throw new ToolException("scan_api: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("scan_api: interrupted before the scan produced a report");
        }
        String id = withStore(s -> s.save(report));
        return ScanSummary.of(report, "stored as " + id);
    }

    private static final PinnedAddresses.Pin NO_PIN = new PinnedAddresses.Pin() {
        @Override
        public List<java.net.InetAddress> addresses() {
            return List.of();
        }

        @Override
        public void close() {
        }
    };

    /** The operator's own {@code spec-host} entries plus {@code host}. */
    private static List<String> withHost(Map<String, String> environment, String host) {
        String own = environment.getOrDefault("spec-host", "");
        return own.isBlank() ? List.of(host) : List.of(own, host);
    }

    public Output getScan(Map<String, Object> arguments) {
        Args args = new Args("get_scan", arguments, Set.of("scanId"));
        ScanReport report = withStore(s -> s.find(args.requiredText("scanId")));
        return ScanSummary.of(report, "from the store");
    }

    public Output getFinding(Map<String, Object> arguments) {
        Args args = new Args("get_finding", arguments, Set.of("scanId", "findingId"));
        String findingId = args.requiredText("findingId");
        ScanReport report = withStore(s -> s.find(args.requiredText("scanId")));
        return FindingDetail.of(report, FindingDetail.find(report, findingId));
    }

    public Output getReport(Map<String, Object> arguments) {
        Args args = new Args("get_report", arguments, Set.of("scanId", "format", "offset", "maxChars"));
        String format = args.text("format");
        ReportResources.Kind kind = format == null || format.isEmpty() ? ReportResources.Kind.JSON
                : ReportResources.Kind.parse("get_report", format);
        int offset = args.integer("offset", 0, 0, Integer.MAX_VALUE);
        int max = args.integer("maxChars", DEFAULT_REPORT_CHARS, 1000, MAX_REPORT_CHARS);
        ScanReport report = withStore(s -> s.find(args.requiredText("scanId")));
        String text = ReportResources.render(report, kind);
        if (offset > text.length()) {
            throw new ToolException("get_report: offset " + offset + " is past the end of the report ("
                    + text.length() + " characters)");
        }
        int end = Math.min(text.length(), offset + max);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", report.scanId());
        m.put("format", kind.id());
        m.put("uri", ReportResources.uri(report.scanId(), kind));
        m.put("totalChars", text.length());
        m.put("offset", offset);
        m.put("returnedChars", end - offset);
        m.put("nextOffset", end < text.length() ? end : null);
        return new Output(text.substring(offset, end), m);
    }

    /** The report a {@code parapet://scans/{scanId}/report.*} resource URI names. */
    public Report readReport(String uri) {
        ReportResources.Address address = ReportResources.parse(uri).orElseThrow(() -> new ToolException(
                "no such resource " + uri + " (reports are parapet://scans/{scanId}/report.json, report.md or"
                        + " report.sarif)"));
        ScanReport report = withStore(s -> s.find(address.scanId()));
        return new Report(ReportResources.render(report, address.kind()), address.kind().mimeType());
    }

    public Output listScans(Map<String, Object> arguments) {
        Args args = new Args("list_scans", arguments, Set.of("limit", "offset", "target"));
        int limit = args.integer("limit", 20, 1, 200);
        int offset = args.integer("offset", 0, 0, Integer.MAX_VALUE);
        String target = args.text("target");
        // the history rows carry no verdict: each row's report is read for it (at most 200, by id)
        List<Summaries.Listed> scans = withStore(s -> s.history(target == null || target.isEmpty() ? null : target,
                limit, offset).stream().map(row -> new Summaries.Listed(row, s.find(row.id()).verdict())).toList());
        return new Output(Summaries.history(scans), Map.of("scans", scans.stream().map(Summaries::row).toList()));
    }

    public Output diffScans(Map<String, Object> arguments) {
        Args args = new Args("diff_scans", arguments, Set.of("a", "b"));
        String a = args.requiredText("a");
        String b = args.requiredText("b");
        ScanReport from = withStore(s -> s.find(a));
        ScanReport to = withStore(s -> s.find(b));
        ScanDiff diff = ScanDiff.between(from, to);
        return new Output(Summaries.diff(diff, from.verdict(), to.verdict()),
                Summaries.diffData(diff, from.verdict(), to.verdict()));
    }

    public Output listChecks(Map<String, Object> arguments) {
        new Args("list_checks", arguments, Set.of());
        var checks = service.descriptors();
        return new Output(Summaries.checks(checks), Map.of("checks", checks.stream().map(Summaries::check).toList()));
    }

    private <T> T withStore(Function<ScanStore, T> action) {
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
