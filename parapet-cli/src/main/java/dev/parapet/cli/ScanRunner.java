package dev.parapet.cli;

import dev.parapet.config.ConfigException;
import dev.parapet.config.ConfigLoader;
import dev.parapet.event.ScanListener;
import dev.parapet.model.ScanReport;
import dev.parapet.report.RenderOptions;
import dev.parapet.report.ReportFormat;
import dev.parapet.report.Reports;
import dev.parapet.score.GateVerdict;
import dev.parapet.service.ScanFailedException;
import dev.parapet.service.ScanService;
import dev.parapet.triage.Triage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one scan for a command: progress, Ctrl-C, printing, report files, the gate (narrowed by a baseline and
 * suppressions), storing the scan, and the exit code.
 */
final class ScanRunner {

    private ScanRunner() {
    }

    /**
     * Runs the scan; the gate is narrowed by {@code triageInputs}, and the report is kept in {@code store} unless
     * {@code --no-store}. A store that cannot be written costs a warning, never the report or the exit code.
     */
    static int run(ScanService service, ConfigLoader.Resolved resolved, OutputOptions output,
                   TriageOptions.Inputs triageInputs, StoreOptions store, PrintWriter out, PrintWriter err) {
        ReportFormat stdoutFormat = ReportFormat.parse(output.format);
        if (stdoutFormat.binary()) {
            throw new ConfigException(stdoutFormat.id() + " is a file format: use -o report." + stdoutFormat.id());
        }
        Map<Path, ReportFormat> files = new LinkedHashMap<>();
        for (Path p : output.outputs) {
            files.put(p, ReportFormat.forFile(p).orElseThrow(() -> new ConfigException("cannot tell the format of "
                    + p + " from its extension: use " + ReportFormat.knownExtensions())));
        }
        boolean tty = Terminal.interactive();
        boolean color = output.color == OutputOptions.ColorMode.ALWAYS
                || output.color == OutputOptions.ColorMode.AUTO && tty && Terminal.colorAllowed();
        List<ScanListener> listeners = new ArrayList<>();
        ProgressListener progress = tty && !output.noProgress ? new ProgressListener(System.err) : null;
        if (progress != null) {
            listeners.add(progress);
        }
        listeners.add(event -> {
            if (event instanceof dev.parapet.event.ScanEvent.AuthChecked checked) {
                warnIfRejected(checked.auth(), err);
            }
        });
        ScanService.Scan scan = service.prepare(resolved.scan(), listeners);
        boolean[] userStopped = {false};
        Interrupts.onCtrlC(() -> {
            userStopped[0] = true;
            scan.stop("interrupted by user (Ctrl-C)");
        });
        ScanReport report;
        try {
            report = scan.run();
        } catch (ScanFailedException e) {
            closeQuietly(progress);
            // the files the user asked for say why nothing was scanned, so a pipeline reading them sees the reason
            e.report().ifPresent(unscanned -> writeAll(files, unscanned,
                    new RenderOptions(false, 100, Optional.empty()).withDetails(true)
                            .withCatalogue(service.descriptors()), err));
            err.println("parapet: " + e.getMessage());
            return ExitCode.INCOMPLETE.code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(progress);
            err.println("parapet: interrupted before the scan produced a report");
            return ExitCode.INCOMPLETE.code;
        } finally {
            Interrupts.reset();
        }
        closeQuietly(progress);

        Triage triage = Triage.of(report, triageInputs.baseline(), triageInputs.suppressions(),
                LocalDate.now(ZoneOffset.UTC));
        GateVerdict verdict = triage.verdict(report, resolved.gate());
        java.util.Optional<java.util.Set<String>> gated = triage.narrowsTheGate()
                ? java.util.Optional.of(triage.gated().stream().map(dev.parapet.model.Finding::fingerprint)
                .collect(java.util.stream.Collectors.toSet()))
                : java.util.Optional.empty();
        List<dev.parapet.spi.CheckDescriptor> catalogue = service.descriptors();
        Optional<Path> specFile = specFile(resolved.scan().spec());
        String rendered = Reports.render(stdoutFormat, report, new RenderOptions(color, width(), Optional.of(verdict))
                .withFailOn(resolved.gate().failOn()).withGated(gated).withDetails(output.details)
                .withCatalogue(catalogue).withSpecFile(specFile));
        List<String> notes = TriageNotes.lines(triage);
        out.print(stdoutFormat == ReportFormat.SUMMARY ? TriageNotes.insertBeforeGateLine(rendered, notes) : rendered);
        out.flush();
        triage.expired().forEach(e -> err.println("parapet: warning: " + TriageNotes.expired(e)));
        // files carry the full listing: a saved summary is read later, not skimmed on a screen
        boolean written = writeAll(files, report, new RenderOptions(false, 100, Optional.of(verdict))
                .withFailOn(resolved.gate().failOn()).withGated(gated).withDetails(true)
                .withCatalogue(catalogue).withSpecFile(specFile), err);
        if (!store.noStore) {
            StoreStep.save(store.db, report, err);
        }
        warnIfRejected(report.auth(), err);
        // An ungraded scan is never a pass, and never a plain gate failure either: the user must scan again.
        if (!report.verdict().graded()) {
            err.println("parapet: not graded: " + report.verdict().line());
            return ExitCode.INCOMPLETE.code;
        }
        if (userStopped[0]) {
            err.println("parapet: scan stopped by the user (Ctrl-C)");
            return ExitCode.INCOMPLETE.code;
        }
        if (!written) {
            return ExitCode.USAGE.code;
        }
        return verdict.passed() ? ExitCode.PASSED.code : ExitCode.GATE_FAILED.code;
    }

    /** Writes {@code report} to every file asked for; false when one could not be written (each said on stderr). */
    private static boolean writeAll(Map<Path, ReportFormat> files, ScanReport report, RenderOptions options,
                                    PrintWriter err) {
        boolean written = true;
        for (var entry : files.entrySet()) {
            try {
                Reports.write(entry.getValue(), report, options, entry.getKey());
                err.println("parapet: " + entry.getValue().id() + " report written to " + entry.getKey());
            } catch (IOException e) {
                written = false;
                err.println("parapet: cannot write " + entry.getKey() + ": " + e.getMessage()
                        + " (check the directory exists and is writable)");
            }
        }
        return written;
    }

    /** One line on stderr, at the start and again at the end: rejected credentials must not pass unnoticed. */
    private static void warnIfRejected(dev.parapet.model.AuthSummary auth, PrintWriter err) {
        if (auth.state() == dev.parapet.model.AuthSummary.State.REJECTED) {
            err.println("parapet: warning: credentials rejected: " + auth.detail());
            err.flush();
        }
    }

    private static int width() {
        return Terminal.width();
    }

    /** The API description file the scan read, when {@code --spec} named a file rather than a URL. */
    static Optional<Path> specFile(String spec) {
        if (spec == null || spec.isBlank() || spec.startsWith("http://") || spec.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(spec);
            return java.nio.file.Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(ProgressListener progress) {
        if (progress != null) {
            progress.close();
        }
    }
}
