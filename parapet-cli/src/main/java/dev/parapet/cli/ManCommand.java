package dev.parapet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parapet man [COMMAND]}: a command's manual page in roff, built from the same picocli model as
 * {@code --help} ({@link ManPage}), so it never drifts from the options; {@code --dir DIR} writes every page
 * ({@code parapet.1}, {@code parapet-scan.1}…) for installing under a {@code man1} directory.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        description = {"Print the manual page of parapet or one of its commands (roff, for man).",
                "parapet man scan | man -l -     parapet man --dir ~/.local/share/man/man1"})
final class ManCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "A command (default: parapet).")
    String command;

    @Option(names = "--dir", paramLabel = "DIR", description = "Write every page into DIR instead of printing one.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine root = spec.root().commandLine();
        if (dir != null) {
            Files.createDirectories(dir);
            write(root, "parapet");
            for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
                write(sub.getValue(), "parapet-" + sub.getKey());
            }
            spec.commandLine().getErr().println("parapet: manual pages written to " + dir);
            return ExitCode.PASSED.code;
        }
        CommandLine target = command == null ? root : root.getSubcommands().get(command);
        if (target == null) {
            throw new IllegalArgumentException("no command '" + command + "' (commands: "
                    + String.join(", ", root.getSubcommands().keySet()) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ManPage.of(target.getCommandSpec()));
        out.flush();
        return ExitCode.PASSED.code;
    }

    private void write(CommandLine cmd, String name) throws IOException {
        Files.writeString(dir.resolve(name + ".1"), ManPage.of(cmd.getCommandSpec()), StandardCharsets.UTF_8);
    }
}
