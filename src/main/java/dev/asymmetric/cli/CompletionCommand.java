package dev.asymmetric.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric completion bash|zsh}: a completion script for every verb and option, made by picocli's
 * generator from the command tree itself, so it never lags behind. The same script serves zsh through
 * {@code bashcompinit}, which it turns on when it runs under zsh.
 */
@Command(name = "completion", description = "Print a shell completion script: source <(asymmetric completion bash).")
final class CompletionCommand extends Verb {
    enum Shell { BASH, ZSH }

    @Parameters(paramLabel = "<shell>", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String rc = shell == Shell.BASH ? "~/.bashrc" : "~/.zshrc";
        out().println("# asymmetric completion for " + shell.name().toLowerCase(java.util.Locale.ROOT)
                + ". Add to " + rc + ":  source <(asymmetric completion " + shell.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
        out().print(AutoComplete.bash("asymmetric", spec.root().commandLine()));
        out().flush();
        return 0;
    }
}
