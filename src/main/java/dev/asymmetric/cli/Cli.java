package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.errors.ErrorRenderer;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * Wires picocli: UTF-8 output, the one exit-code mapping (named error → its code, usage error → 2, anything else →
 * 2 as UNEXPECTED), all through {@link ErrorRenderer}. No {@code System.exit} here; Quarkus exits with the code.
 */
@ApplicationScoped
public class Cli {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(factory.create());
    }

    /** Applies the project's output and error handling to a command line (production and tests alike). */
    public static CommandLine configure(CommandLine cl) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
        cl.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
        if (cl.getCommand() instanceof Asymmetric root) {
            root.standardStreams(stdout, stderr);
        }
        return handlers(cl);
    }

    /** The project's handlers on {@code cl}, whatever its writers: the launcher's, or a test's. */
    static CommandLine handlers(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Examples.apply(cl);
        cl.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                if (cl.getCommand() instanceof Asymmetric root) {
                    root.closeHome();
                }
            }
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            List<String> args = parseResult.expandedArgs();
            ErrorRenderer renderer = new ErrorRenderer(args.contains("--json"), args.contains("--debug"));
            return renderer.render(ex, commandLine.getOut(), commandLine.getErr());
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            boolean json = List.of(args).contains("--json");
            String what = Typos.explain(ex);
            AsymException usage = new AsymException(ErrorCode.USAGE, what + (what.endsWith("?") ? "" : ".")
                    + " See: asymmetric " + subcommandPath(c) + "--help");
            return new ErrorRenderer(json, List.of(args).contains("--debug")).render(usage, c.getOut(), c.getErr());
        });
        return cl;
    }

    private static String subcommandPath(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine x = c; x.getParent() != null; x = x.getParent()) {
            sb.insert(0, x.getCommandName() + " ");
        }
        return sb.toString();
    }
}
