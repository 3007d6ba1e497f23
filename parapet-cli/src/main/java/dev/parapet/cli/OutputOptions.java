package dev.parapet.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where and how results go. Shared by scan and demo. */
final class OutputOptions {

    enum ColorMode { AUTO, ALWAYS, NEVER }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "What to print on standard output: summary (default), table, json, sarif, junit, markdown or "
                    + "html (pdf only with -o).")
    String format = "summary";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write a report to FILE; the format follows the extension (.json, .txt, .table, .sarif, "
                    + ".xml for JUnit, .md, .html, .pdf). Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour the summary: auto (default, only on a terminal), always, never.")
    ColorMode color = ColorMode.AUTO;

    @Option(names = "--details", description = "Print every finding in full in the summary (evidence, remediation, "
            + "references, curl); by default one line each. Report files always have the full listing.")
    boolean details;

    @Option(names = "--no-progress", description = "Never show the progress bar (it only shows on a terminal anyway).")
    boolean noProgress;
}
