package dev.asymmetric.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a verb's output goes and how it looks: picocli's writers, {@code --json} (results and errors as JSON on
 * stdout, no progress), {@code --debug}, and stderr's {@link Terminal} (asked only when progress is shown).
 */
record Output(PrintWriter out, PrintWriter err, boolean json, boolean debug, Supplier<Terminal> terminal) {
}
