package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric env destroy <name>}: destroy every member, continue-all, then the environment. An environment a
 * controller's spec folder defines is refused (ENV_OWNED_BY_FOLDER, naming the file) while that file exists.
 */
@Command(name = "destroy", description = "Destroy an environment: every clone, its containers, data and ports.")
final class EnvDestroy extends Verb {
    @Parameters(paramLabel = "<name>")
    String name;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        home().runner().warmUp();
        // a spec-folder file would apply it again at the next rescan: refuse, naming the file, rather than let it
        // come back behind the user's back
        Optional<String> file = home().specFileReports().definingFile(requireEnvironment(name));
        if (file.isPresent()) {
            throw AsymException.envOwnedByFolder(name, file.get());
        }
        home().runner().checkEngine();
        Environment env = home().desired().destroyEnvironment(name);
        int members = env.status().members().size();
        Optional<Environment> left = Waiter.await(home(), Goals.environmentGone(name), waiting.timeout, json.json, err());
        if (left.isEmpty()) {
            if (json.json) {
                out().println(Json.write(home(), java.util.Map.of("name", name, "destroyed", true, "clones", members)));
            } else {
                out().println(Marks.OK + " environment " + name + " destroyed (" + members + " clone(s) removed)");
            }
            return 0;
        }
        List<Clone> stuck = Goals.clonesOf(home().store(), left.get().status().members());
        if (json.json) {
            out().println(Json.write(home(), java.util.Map.of("name", name, "destroyed", false,
                    "failed", stuck.stream().map(Clone::id).toList())));
        } else {
            out().println(Marks.FAIL + " environment " + name + ": " + stuck.size() + " clone(s) could not be destroyed");
        }
        stuck.forEach(c -> err().println(Views.errorLine(c)));
        return 1;
    }
}
