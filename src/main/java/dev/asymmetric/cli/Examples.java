package dev.asymmetric.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The example lines each verb's {@code --help} ends with, in one place so every verb has one (a test checks). */
final class Examples {
    private static final Map<String, List<String>> BY_VERB = Map.ofEntries(
            Map.entry("env", List.of("asymmetric env demo --env-file > .env")),
            Map.entry("env spin", List.of("asymmetric env spin specs/demo.yaml --timeout 5m")),
            Map.entry("env status", List.of("asymmetric env status demo --json")),
            Map.entry("env diff", List.of("asymmetric env diff specs/demo.yaml || echo \"spin would change demo\"")),
            Map.entry("env wait", List.of("asymmetric env wait demo --for running --timeout 2m")),
            Map.entry("env destroy", List.of("asymmetric env destroy demo")),
            Map.entry("env reset", List.of("asymmetric env reset demo")),
            Map.entry("env validate", List.of("asymmetric env validate specs/demo.yaml")),
            Map.entry("spin", List.of("asymmetric spin fixture --seed acme-corp -g scratch")),
            Map.entry("status", List.of("set -a; . <(asymmetric status fixture-a1b2 --env); set +a")),
            Map.entry("url", List.of("curl \"$(asymmetric url fixture-a1b2)/health\"")),
            Map.entry("exec", List.of("asymmetric exec fixture-a1b2 -it -- sh")),
            Map.entry("logs", List.of("asymmetric logs fixture-a1b2 -f --tail 20")),
            Map.entry("reset", List.of("asymmetric reset fixture-a1b2 fixture-c3d4")),
            Map.entry("stop", List.of("asymmetric stop --all")),
            Map.entry("start", List.of("asymmetric start fixture-a1b2")),
            Map.entry("destroy", List.of("asymmetric destroy --all")),
            Map.entry("snapshot", List.of("asymmetric snapshot notes-a1b2 > db/003-from-clone.sql")),
            Map.entry("controller", List.of("asymmetric controller --specs specs/ --port 7780")),
            Map.entry("doctor", List.of("asymmetric doctor")),
            Map.entry("completion", List.of("source <(asymmetric completion bash)")));

    private Examples() {
    }

    /** Ends the help of every verb under {@code root} with its example. */
    static void apply(CommandLine root) {
        root.getSubcommands().values().stream().distinct().forEach(c -> {
            List<String> lines = BY_VERB.get(qualified(c));
            if (lines != null) {
                c.getCommandSpec().usageMessage().footerHeading("%nExample:%n")
                        .footer(lines.stream().map(l -> "  " + l.replace("%", "%%")).toArray(String[]::new));
            }
            apply(c);
        });
    }

    /** {@code env spin} for the command under the root. */
    static String qualified(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine x = c; x.getParent() != null; x = x.getParent()) {
            sb.insert(0, sb.isEmpty() ? x.getCommandName() : x.getCommandName() + " ");
        }
        return sb.toString();
    }
}
