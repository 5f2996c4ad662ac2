package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.view.Views;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric url <id> [service]}: one endpoint of a clone, for {@code curl "$(asymmetric url ...)"}. */
@Command(name = "url", description = "Print a clone's endpoint: its first service's, or the named service's.")
final class UrlCommand extends Verb {
    @Parameters(index = "0", paramLabel = "<id>")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<service>", description = "A service of the clone's"
            + " template (default: its first with a port).")
    String service;

    @Mixin
    JsonOption json;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Clone c = requireClone(id);
        Map<String, String> endpoints = (Map<String, String>) Views.of(home()).clone(c).get("endpoints");
        if (endpoints.isEmpty()) {
            throw new AsymException(ErrorCode.CLONE_NOT_FOUND, "Clone " + id + " has no endpoint: no service of"
                    + " template " + c.spec().template() + " publishes a port. Reach it with: asymmetric exec " + id
                    + " -- <command>");
        }
        String svc = service == null ? endpoints.keySet().iterator().next() : service;
        String url = endpoints.get(svc);
        if (url == null) {
            throw new AsymException(ErrorCode.CLONE_NOT_FOUND, "Clone " + id + " has no endpoint for service '" + svc
                    + "'; its endpoints: " + String.join(", ", endpoints.keySet()) + ".");
        }
        if (json.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("service", svc);
            m.put("url", url);
            out().println(Json.write(home(), m));
        } else {
            out().println(url);
        }
        return 0;
    }
}
