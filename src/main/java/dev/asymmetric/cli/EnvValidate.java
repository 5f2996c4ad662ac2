package dev.asymmetric.cli;

import dev.asymmetric.spec.EnvironmentSpecReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric env validate <file>}: every check {@code env spin} makes, touching neither Docker nor state. */
@Command(name = "validate", description = "Check an environment spec without applying it (no Docker, no state).")
final class EnvValidate extends Verb {
    @Parameters(paramLabel = "<file>", description = "The environment.yaml to check.")
    Path file;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        EnvironmentSpecReader.EnvironmentDoc doc = home().specReader().read(file);
        if (json.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("valid", true);
            m.put("file", file.toString());
            m.put("name", doc.name());
            m.put("clones", doc.clones());
            out().println(Json.write(home(), m));
        } else {
            out().println(Marks.OK + " " + file + " is a valid environment spec: " + doc.name() + ", "
                    + doc.clones().size() + " clone(s)");
        }
        return 0;
    }
}
