package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.view.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric env destroy <name> [--ignore-not-found]}: destroy every member, continue-all, then the
 * environment. An environment a controller's spec folder defines is refused (ENV_OWNED_BY_FOLDER, naming the file)
 * while that file exists. With {@code --ignore-not-found} an environment that doesn't exist is success.
 */
@Command(name = "destroy", description = "Destroy an environment: every clone, its containers, data and ports.")
final class EnvDestroy extends Verb {
    @Parameters(paramLabel = "<name>")
    String name;

    @Option(names = "--ignore-not-found", description = "Exit 0 when the environment doesn't exist (for cleanup"
            + " steps that run whether or not it was made).")
    boolean ignoreNotFound;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        AtomicInteger members = new AtomicInteger();
        Optional<Environment> left;
        try {
            left = submit(() -> {
                // a spec-folder file would apply it again at the next rescan: refuse, naming the file, rather than
                // let it come back behind the user's back
                Optional<String> file = home().specFileReports().definingFile(requireEnvironment(name));
                if (file.isPresent()) {
                    throw AsymException.envOwnedByFolder(name, file.get());
                }
                return name;
            }, n -> {
                members.set(home().desired().destroyEnvironment(n).status().members().size());
                return n;
            }, Goals::environmentGone);
        } catch (AsymException e) {
            if (!ignoreNotFound || e.code() != ErrorCode.ENV_NOT_FOUND) {
                throw e;
            }
            return absent();
        }
        if (left.isEmpty()) {
            if (json.json) {
                out().println(Json.write(home(), Map.of("name", name, "destroyed", true, "clones", members.get())));
            } else {
                out().println(Marks.OK + " environment " + name + " destroyed (" + members.get() + " clone(s) removed)");
            }
            return 0;
        }
        List<Clone> stuck = Goals.clonesOf(home().store(), left.get().status().members());
        if (json.json) {
            out().println(Json.write(home(), Map.of("name", name, "destroyed", false,
                    "failed", stuck.stream().map(Clone::id).toList())));
        } else {
            out().println(Marks.FAIL + " environment " + name + ": " + stuck.size() + " clone(s) could not be destroyed");
        }
        stuck.forEach(c -> err().println(Views.errorLine(c)));
        return 1;
    }

    /** --ignore-not-found, and there is nothing to destroy. */
    private int absent() {
        if (json.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("destroyed", true);
            m.put("clones", 0);
            m.put("existed", false);
            out().println(Json.write(home(), m));
        } else {
            out().println(Marks.OK + " environment " + name + " does not exist; nothing to destroy");
        }
        return 0;
    }
}
