package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.spec.Suggest;
import dev.asymmetric.view.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric env ...}: the environment verbs; and {@code asymmetric env <name> --env-file}, every member's
 * connection details as {@code KEY=value} lines (see {@link EnvFile}), each key prefixed with its template.
 */
@Command(name = "env", description = "Create, inspect, reset and destroy environments (groups of clones);"
        + " `env <name> --env-file` prints their connection details as KEY=value lines.",
        subcommands = {EnvSpin.class, EnvStatus.class, EnvDiff.class, EnvWait.class, EnvDestroy.class, EnvReset.class,
                EnvValidate.class})
final class EnvCommand extends Verb {
    @Parameters(paramLabel = "<name>", arity = "0..1", description = "With --env-file: the environment.")
    String name;

    @Option(names = "--env-file", description = "Print every member's endpoints, ports, DATABASE_URL,"
            + " JDBC_DATABASE_URL, REDIS_URL and REDIS_PREFIX as KEY=value lines, each key prefixed with its"
            + " template (FIXTURE_API_URL; FIXTURE_1_, FIXTURE_2_ when a template repeats).")
    boolean envFile;

    @Override
    public Integer call() {
        if (name == null && !envFile) {
            spec.commandLine().usage(out());
            return 0;
        }
        if (name == null) {
            throw usage("--env-file needs an environment name: asymmetric env <name> --env-file");
        }
        if (!envFile) {
            String verb = Suggest.closest(name, spec.subcommands().keySet());
            throw usage(verb != null ? "Unknown command 'env " + name + "'. Did you mean 'env " + verb + "'?"
                    : "Unknown command 'env " + name + "'; to print its variables: asymmetric env " + name + " --env-file");
        }
        Environment e = requireEnvironment(name);
        List<Clone> members = Goals.clonesOf(home().store(), e.status().members());
        List<String> prefixes = EnvFile.prefixes(members.stream().map(c -> c.spec().template()).toList());
        Views views = Views.of(home());
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            vars.putAll(EnvFile.variables(views.clone(members.get(i)), prefixes.get(i)));
        }
        vars.forEach((k, v) -> out().println(EnvFile.line(k, v)));
        return 0;
    }
}
