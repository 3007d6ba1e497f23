package dev.parapet.service;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ScanConfig;
import dev.parapet.engine.ScanEngine;
import dev.parapet.event.EventBus;
import dev.parapet.event.ScanListener;
import dev.parapet.model.Category;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckDescriptor;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one entry point every adapter (CLI, server, MCP) uses to run scans. Holds the installed checks; stateless
 * otherwise and thread-safe: several scans may run at once.
 */
public final class ScanService {

    private final List<Check> checks;

    public ScanService(List<Check> checks) {
        List<Check> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing((Check c) -> c.descriptor().category()).thenComparing(c -> c.descriptor().id()));
        Set<String> ids = new TreeSet<>();
        for (Check c : sorted) {
            if (!ids.add(c.descriptor().id())) {
                throw new IllegalStateException("two checks share the id " + c.descriptor().id());
            }
        }
        this.checks = List.copyOf(sorted);
    }

    /** A service with every check found on the class path through {@link ServiceLoader}. */
    public static ScanService withInstalledChecks() {
        List<Check> found = new ArrayList<>();
        ServiceLoader.load(Check.class).forEach(found::add);
        return new ScanService(found);
    }

    public List<CheckDescriptor> descriptors() {
        return checks.stream().map(Check::descriptor).toList();
    }

    /** Every check with what listings show of it (descriptor and per-input budget). */
    public List<CheckInfo> listing() {
        return checks.stream().map(CheckInfo::of).toList();
    }

    /** The checks a selection names (check ids or category ids); all when the selection is empty. */
    public List<Check> select(Set<String> selection) {
        if (selection.isEmpty()) {
            return checks;
        }
        Set<String> unknown = new LinkedHashSet<>(selection);
        List<Check> chosen = new ArrayList<>();
        for (Check c : checks) {
            CheckDescriptor d = c.descriptor();
            if (selection.contains(d.id()) || selection.contains(d.category().id())) {
                chosen.add(c);
            }
            unknown.remove(d.id());
            unknown.remove(d.category().id());
        }
        for (Category cat : Category.values()) {
            unknown.remove(cat.id());
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown check id " + String.join(", ", unknown) + " (valid check ids: "
                    + String.join(", ", checks.stream().map(c -> c.descriptor().id()).toList())
                    + "; or a category id such as encryption)");
        }
        if (chosen.isEmpty()) {
            throw new ConfigException("--checks " + String.join(",", selection)
                    + " selects no installed check; run 'parapet checks' to list them");
        }
        return chosen;
    }

    /** Prepares a scan; call {@link Scan#run()} to run it and {@link Scan#stop(String)} to stop it early. */
    public Scan prepare(ScanConfig config, List<ScanListener> listeners) {
        List<Check> chosen = select(config.checks());
        String scanId = newScanId();
        return new Scan(new ScanEngine(scanId, config, chosen, new EventBus(listeners), ParapetVersion.get()),
                config);
    }

    public ScanReport run(ScanConfig config, List<ScanListener> listeners)
            throws ScanFailedException, InterruptedException {
        return prepare(config, listeners).run();
    }

    static String newScanId() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** One prepared scan. {@link #stop(String)} is safe from any thread, including a signal handler. */
    public static final class Scan {
        private final ScanEngine engine;
        private final ScanConfig config;

        Scan(ScanEngine engine, ScanConfig config) {
            this.engine = engine;
            this.config = config;
        }

        public String id() {
            return engine.scanId();
        }

        public void stop(String reason) {
            engine.stop(reason);
        }

        public ScanReport run() throws ScanFailedException, InterruptedException {
            try {
                return engine.run();
            } catch (ScanEngine.TargetUnreachableException e) {
                throw new ScanFailedException(advice(e.getMessage(), config), e.report());
            }
        }
    }

    /** Turns a transport error into one line that says what to do. */
    static String advice(String error, ScanConfig config) {
        String target = config.target().toString();
        if (error.startsWith("connection refused")) {
            return "cannot reach " + target + ": " + error + " (is the API running and listening on that port?)";
        }
        if (error.startsWith("unknown host")) {
            return "cannot reach " + target + ": " + error + " (check the host name in the URL)";
        }
        if (error.startsWith("TLS handshake failed")) {
            return "cannot reach " + target + ": " + error
                    + " (for a self-signed or otherwise untrusted certificate, add --insecure)";
        }
        if (error.startsWith("timed out")) {
            return "cannot reach " + target + ": " + error + " (check the URL, or raise --connect-timeout / --read-timeout)";
        }
        if (error.startsWith("scan stopping")) {
            return "scan of " + target + " was stopped before the target answered";
        }
        return "cannot reach " + target + ": " + error;
    }
}
