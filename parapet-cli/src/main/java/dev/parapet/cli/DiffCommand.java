package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.store.ScanDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code parapet diff <a> <b>}: what changed between two stored scans. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two stored scans: new, resolved and unchanged findings (by fingerprint), the score "
                + "and grade drift, and each category's change.",
                "Exit codes: 0 compared, 2 unknown id or store problem."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FROM", description = "The earlier scan's id (or a unique prefix).")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The later scan's id (or a unique prefix).")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default) or json.")
    String format = "summary";

    @Mixin
    DbOption db = new DbOption();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("summary") && !format.equals("json")) {
            throw new IllegalArgumentException("--format " + format + " is not known here (valid: summary, json)");
        }
        ScanDiff diff = db.open().diff(from, to);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(dev.parapet.store.ScanDiffJson.of(diff)));
        } else {
            out.print(DiffText.render(diff));
        }
        out.flush();
        return ExitCode.PASSED.code;
    }
}
