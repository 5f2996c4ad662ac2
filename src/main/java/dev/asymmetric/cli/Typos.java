package dev.asymmetric.cli;

import dev.asymmetric.spec.Suggest;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in words, with a suggestion for a mistyped verb or option: {@code Unknown command 'stauts'. Did
 * you mean 'status'?}, {@code Unknown option: '--jsn'. Did you mean '--json'?} (the project's own "did you mean",
 * as specs and templates use).
 */
final class Typos {
    private Typos() {
    }

    static String explain(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        CommandLine c = ex.getCommandLine();
        String word = u.getUnmatched().get(0);
        if (u.isUnknownOption()) {
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String hint = Suggest.closest(option, c.getCommandSpec().optionsMap().keySet());
            return hint == null ? ex.getMessage() : "Unknown option: '" + option + "'. Did you mean '" + hint + "'?";
        }
        List<String> verbs = List.copyOf(c.getSubcommands().keySet());
        String hint = verbs.isEmpty() || word.startsWith("-") ? null : Suggest.closest(word, verbs);
        if (hint == null) {
            return ex.getMessage();
        }
        String prefix = Examples.qualified(c);
        return "Unknown command '" + (prefix.isEmpty() ? "" : prefix + " ") + word + "'. Did you mean '"
                + (prefix.isEmpty() ? "" : prefix + " ") + hint + "'?";
    }
}
