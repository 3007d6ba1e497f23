package dev.parapet.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code parapet completion bash|zsh}: the shell completion script picocli generates from the commands themselves,
 * so it always matches the options this Parapet has. The script serves both shells: under zsh it loads zsh's
 * {@code bashcompinit} first.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash or zsh.",
                "bash: source <(parapet completion bash)   zsh: source <(parapet completion zsh)",
                "To keep it, add that line to ~/.bashrc or ~/.zshrc."})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { BASH, ZSH }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("parapet", spec.root().commandLine()));
        out.flush();
        return ExitCode.PASSED.code;
    }
}
