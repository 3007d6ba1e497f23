package dev.parapet.cli;

import dev.parapet.config.ConfigException;
import dev.parapet.model.ScanReport;
import dev.parapet.report.RenderOptions;
import dev.parapet.report.ReportFormat;
import dev.parapet.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code parapet results <id>}: a stored scan's report again, in any format. */
@Command(name = "results", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a stored scan's report again (ids: 'parapet history').",
                "Exit codes: 0 shown, 2 unknown id or store problem."})
final class ResultsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The scan id, or a unique prefix of it (4+ characters).")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", description = "What to print: summary (default), table, json, sarif, junit, markdown or html.")
    String format = "summary";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write the report to FILE; the format follows the extension. Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--details", description = "Print every finding in full in the summary; by default one line each.")
    boolean details;

    @Mixin
    DbOption db = new DbOption();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportFormat stdoutFormat = ReportFormat.parse(format);
        if (stdoutFormat.binary()) {
            throw new ConfigException(stdoutFormat.id() + " is a file format: use -o report." + stdoutFormat.id());
        }
        List<ReportFormat> fileFormats = new ArrayList<>();
        for (Path p : outputs) {
            fileFormats.add(ReportFormat.forFile(p).orElseThrow(() -> new ConfigException("cannot tell the format of "
                    + p + " from its extension: use " + ReportFormat.knownExtensions())));
        }
        ScanReport report = db.open().find(id);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.print(Reports.render(stdoutFormat, report, new RenderOptions(false, Terminal.width(),
                java.util.Optional.empty()).withDetails(details)));
        out.flush();
        int code = ExitCode.PASSED.code;
        for (int i = 0; i < outputs.size(); i++) {
            try {
                Reports.write(fileFormats.get(i), report, RenderOptions.plain().withDetails(true), outputs.get(i));
                err.println("parapet: " + fileFormats.get(i).id() + " report written to " + outputs.get(i));
            } catch (IOException e) {
                err.println("parapet: cannot write " + outputs.get(i) + ": " + e.getMessage()
                        + " (check the directory exists and is writable)");
                code = ExitCode.USAGE.code;
            }
        }
        return code;
    }
}
