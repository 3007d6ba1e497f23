package dev.parapet.cli;

import dev.parapet.config.ConfigException;
import dev.parapet.service.ParapetVersion;
import dev.parapet.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code parapet}: the command-line adapter over {@link dev.parapet.service.ScanService}. Maps every failure to one
 * line on stderr and the exit codes of {@link ExitCode}.
 */
@Command(name = "parapet",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Black-box API security scanner: probes an API from outside and grades it.",
        subcommands = {ScanCommand.class, ChecksCommand.class, DemoCommand.class, ResultsCommand.class,
                HistoryCommand.class, DiffCommand.class, BaselineCommand.class, McpCommand.class,
                CompletionCommand.class, ManCommand.class,
                ServerCommand.class, WorkerCommand.class,
                CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: try 'parapet demo', 'parapet scan <url>' or 'parapet checks'");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"parapet " + ParapetVersion.get()};
        }
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Fast path: answering the version needs none of picocli's reflection over every command.
            System.out.println(new Version().getVersion()[0]);
            return;
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; the tests call this instead of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            String message = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            cmd.getErr().println("parapet: " + message);
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE.code;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof IllegalArgumentException
                    || ex instanceof StoreException) {
                cmd.getErr().println("parapet: " + ex.getMessage());
                return ExitCode.USAGE.code;
            }
            cmd.getErr().println("parapet: internal error: " + ex
                    + " (please report it with the command you ran; run with --verbose for details)");
            if (Boolean.getBoolean("parapet.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCode.INCOMPLETE.code;
        });
        return cli.execute(args);
    }
}
