package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.model.Clone;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric destroy <id>}: remove the clone's containers and data, release its ports, leave its environment. */
@Command(name = "destroy", description = "Destroy a clone: containers, data and ports; it leaves its environment.")
final class DestroyCommand extends Verb {
    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        home().runner().warmUp();
        requireClone(id);
        home().runner().checkEngine();
        Optional<String> env = home().desired().destroyClone(id);
        Optional<Clone> left = Waiter.await(home(), Goals.cloneGone(id, env.orElse(null)), waiting.timeout, json.json, err());
        if (json.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("destroyed", left.isEmpty());
            m.put("environment", env.orElse(null));
            out().println(Json.write(home(), m));
        } else if (left.isEmpty()) {
            out().println(Marks.OK + " destroyed " + id + env.map(e -> " (left environment " + e + ")").orElse(""));
        }
        left.ifPresent(c -> err().println(Views.errorLine(c)));
        return left.isEmpty() ? 0 : 1;
    }
}
