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
                "Findings are counted by severity: critical/high/medium/low/info."})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

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
        String fmt = "%-12s  %-16s  %-5s  %5s  %-17s  %-8s  %s%n";
        out.printf(fmt, "ID", "WHEN (UTC)", "GRADE", "SCORE", "FINDINGS C/H/M/L/I", "COMPLETE", "TARGET");
        for (StoredScan s : scans) {
            out.printf(fmt, s.id(), WHEN.format(s.startedAt()), s.grade().name(),
                    s.score() == null ? "-" : s.score().toString(), counts(s), s.complete() ? "yes" : "no",
                    Printable.of(s.target()));
        }
        out.flush();
        return ExitCode.PASSED.code;
    }

    static String counts(StoredScan s) {
        return s.count(Severity.CRITICAL) + "/" + s.count(Severity.HIGH) + "/" + s.count(Severity.MEDIUM) + "/"
                + s.count(Severity.LOW) + "/" + s.count(Severity.INFO);
    }
}
