package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.model.Reference;
import dev.parapet.service.ScanService;
import dev.parapet.service.CheckInfo;
import dev.parapet.spi.CheckDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code parapet checks}: every installed check with its id, category, severity, references and budget. */
@Command(name = "checks", mixinStandardHelpOptions = true, description = "List every check Parapet runs.")
final class ChecksCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    String format = "table";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<CheckInfo> checks = ScanService.withInstalledChecks().listing();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "table" -> printTable(checks, out);
            case "json" -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(checks.stream().map(ChecksCommand::asMap).toList()));
            default -> throw new IllegalArgumentException("--format " + format + " is not known here (valid: table, json)");
        }
        out.flush();
        return ExitCode.PASSED.code;
    }

    private static Map<String, Object> asMap(CheckInfo info) {
        CheckDescriptor d = info.descriptor();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("category", d.category().id());
        m.put("title", d.title());
        m.put("summary", d.summary());
        m.put("severity", d.defaultSeverity().id());
        m.put("requestBudget", d.requestBudget());
        m.put("perInputBudget", info.perInputBudget());
        m.put("tags", d.tags().stream().sorted().toList());
        m.put("references", d.references().stream().map(Reference::id).toList());
        return m;
    }

    /**
     * One row per check, each column as wide as its widest cell (header included), two spaces apart; the budget is
     * right-aligned and the references, last, are never padded, so no row carries trailing blanks.
     */
    static void printTable(List<CheckInfo> checks, PrintWriter out) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[]{"ID", "CATEGORY", "SEVERITY", "BUDGET", "REFERENCES"});
        for (CheckInfo info : checks) {
            CheckDescriptor d = info.descriptor();
            rows.add(new String[]{d.id(), d.category().id(), d.defaultSeverity().id(), info.budgetText(),
                    String.join(", ", d.references().stream().map(Reference::id).toList())});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            line.append(" ".repeat(widths[3] - row[3].length())).append(row[3]).append("  ").append(row[4]);
            out.println(line.toString().stripTrailing());
        }
        long categories = checks.stream().map(c -> c.descriptor().category()).distinct().count();
        out.printf("%n%d checks in %d of 12 categories. Categories without a check are reported as not assessed.%n",
                checks.size(), categories);
    }
}
