package dev.parapet.cli;

import dev.parapet.model.Severity;
import dev.parapet.store.StoredScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code parapet history}: stored scans, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List stored scans, newest first (times in UTC).",
                "Findings are counted by severity: critical/high/medium/low/info.",
                "A scan that is NOT GRADED shows no grade, its provisional score in brackets, and its reason below."})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Under the ID column: the reason line belongs to the scan above it. */
    private static final String REASON_INDENT = " ".repeat(14);

    @Option(names = "--target", paramLabel = "URL", description = "Only scans of URL or of URLs below it.")
    String target;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N scans (default 20).")
    int limit = 20;

    @Mixin
    DbOption db = new DbOption();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, for example --limit 50");
        }
        List<StoredScan> scans = db.open().history(target, limit, 0);
        PrintWriter out = spec.commandLine().getOut();
        if (scans.isEmpty()) {
            out.println(target == null ? "No stored scans yet: run 'parapet scan <url>' or 'parapet demo'."
                    : "No stored scans of " + target + ".");
            out.flush();
            return ExitCode.PASSED.code;
        }
        String fmt = "%-12s  %-16s  %-10s  %-5s  %5s  %-17s  %-8s  %s%n";
        out.printf(fmt, "ID", "WHEN (UTC)", "VERDICT", "GRADE", "SCORE", "FINDINGS C/H/M/L/I", "COMPLETE", "TARGET");
        for (StoredScan s : scans) {
            boolean ungraded = s.verdict().map(v -> !v.graded()).orElse(false);
            // an ungraded scan's score is provisional and never shown as a grade
            out.printf(fmt, s.id(), WHEN.format(s.startedAt()), verdict(s), ungraded ? "-" : s.grade().name(),
                    s.score() == null ? "-" : ungraded ? "(" + s.score() + ")" : s.score().toString(), counts(s),
                    s.complete() ? "yes" : "no", Printable.of(s.target()));
            s.verdict().filter(v -> !v.graded()).ifPresent(v -> out.println(REASON_INDENT + "not graded: "
                    + Printable.of(v.detail())));
        }
        out.flush();
        return ExitCode.PASSED.code;
    }

    /** {@code GRADED}, {@code NOT GRADED}, or {@code -} for a scan stored before reports carried a verdict. */
    static String verdict(StoredScan s) {
        return s.verdict().map(v -> v.graded() ? "GRADED" : "NOT GRADED").orElse("-");
    }

    static String counts(StoredScan s) {
        return s.count(Severity.CRITICAL) + "/" + s.count(Severity.HIGH) + "/" + s.count(Severity.MEDIUM) + "/"
                + s.count(Severity.LOW) + "/" + s.count(Severity.INFO);
    }
}
