package dev.asymmetric.catalog;

import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.Suggest;
import dev.asymmetric.spec.yaml.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one entry of template.yaml's {@code services}: image or build, command, ports, environment (its
 * {@code ${...}} placeholders checked against the template's blocks), health and the reset hook.
 */
final class ServiceReader {
    private static final List<String> SERVICE = List.of("image", "build", "command", "port", "extraPorts",
            "environment", "health", "reset");
    private static final List<String> HEALTH = List.of("http", "tcp", "timeout");
    private static final List<String> RESET = List.of("http", "exec", "reapplyFiles");
    private static final List<String> HTTP = List.of("method", "path", "expect");

    private final Path dir;
    private final TemplateFiles files;
    private final Problems problems;
    private final boolean database;
    private final boolean redis;

    ServiceReader(Path dir, TemplateFiles files, Problems problems, boolean database, boolean redis) {
        this.dir = dir;
        this.files = files;
        this.problems = problems;
        this.database = database;
        this.redis = redis;
    }

    Template.Service read(Node.Entry e, StrictMap parent) {
        String path = parent.pathOf(e.key());
        if (!TemplateReader.NAME.matcher(e.key()).matches()) {
            problems.add(path, e.line(), "'" + e.key() + "' is not a valid service name: " + TemplateReader.NAME_RULE);
            return null;
        }
        StrictMap m = StrictMap.of(e.value(), path, problems, "image, port, health, ...");
        if (m == null) {
            return null;
        }
        m.allowOnly(SERVICE, Map.of());
        String image = m.string("image", false);
        String build = m.string("build", false);
        if (image == null && build == null && !m.has("image") && !m.has("build")) {
            problems.add(m.pathOf("image"), m.line(), "is required unless 'build' names a directory with a Dockerfile");
        }
        if (build != null && files.directory(build, m.pathOf("build"), m.lineOf("build"))
                && !Files.isRegularFile(TemplatePaths.resolve(dir, build).resolve("Dockerfile"))) {
            problems.add(m.pathOf("build"), m.lineOf("build"), "'" + build + "' holds no Dockerfile");
        }
        List<String> command = m.stringList("command", "the command in exec form, a list of strings");
        if (command != null && command.isEmpty()) {
            problems.add(m.pathOf("command"), m.lineOf("command"), "must not be empty");
        }
        Integer port = m.port("port");
        LinkedHashMap<String, Integer> extra = new LinkedHashMap<>();
        StrictMap extras = m.map("extraPorts", false, "name: container port");
        if (extras != null) {
            for (Node.Entry x : extras.entries()) {
                if (!TemplateReader.NAME.matcher(x.key()).matches()) {
                    problems.add(extras.pathOf(x.key()), x.line(), "'" + x.key() + "' is not a valid port name: "
                            + TemplateReader.NAME_RULE);
                    continue;
                }
                Integer p = extras.port(x.key());
                if (p != null) {
                    extra.put(x.key(), p);
                }
            }
        }
        Map<String, String> env = environment(m);
        return new Template.Service(e.key(), image, build, command, port, extra, env, health(m, port), reset(m, port));
    }

    /** An {@code environment} mapping (a service's or a mode's), each value's placeholders checked. */
    Map<String, String> environment(StrictMap m) {
        Map<String, String> env = m.stringMap("environment");
        if (env != null && m.get("environment") instanceof Node.MapNode node) {
            for (Node.Entry v : node.entries().values()) {
                String value = env.get(v.key());
                if (value != null) {
                    String at = m.pathOf("environment") + "." + v.key();
                    Placeholders.problems(value, database, redis).forEach(p -> problems.add(at, v.line(), p));
                }
            }
        }
        return env;
    }

    private Template.Health health(StrictMap service, Integer port) {
        StrictMap h = service.map("health", false, "http, tcp, timeout");
        if (h == null) {
            return null;
        }
        h.allowOnly(HEALTH, Map.of());
        String http = h.string("http", false);
        if (http != null && !http.startsWith("/")) {
            problems.add(h.pathOf("http"), h.lineOf("http"), "must be a path starting with '/', like /health");
        }
        Boolean tcp = h.bool("tcp");
        if (http != null && Boolean.TRUE.equals(tcp)) {
            problems.add(h.path(), h.line(), "give either 'http' or 'tcp: true', not both");
        }
        if ((http != null || Boolean.TRUE.equals(tcp)) && port == null) {
            problems.add(h.path(), h.line(), "an http or tcp check needs the service's 'port'");
        }
        return new Template.Health(http, Boolean.TRUE.equals(tcp), h.duration("timeout"));
    }

    private Template.ResetHook reset(StrictMap service, Integer port) {
        StrictMap r = service.map("reset", false, "http or exec, and reapplyFiles");
        if (r == null) {
            return null;
        }
        int before = problems.size();
        r.allowOnly(RESET, Map.of());
        boolean hasHttp = r.get("http") != null;
        Template.Http http = hasHttp ? http(r, port) : null;
        List<String> exec = r.stringList("exec", "the command in exec form, like [\"sh\", \"-c\", \"...\"]");
        if (exec != null && exec.isEmpty()) {
            problems.add(r.pathOf("exec"), r.lineOf("exec"), "must not be empty");
        }
        boolean hasExec = r.get("exec") != null && !(r.get("exec") instanceof Node.ScalarNode s && s.value() == null);
        if (hasHttp == hasExec) {
            problems.add(r.path(), r.line(), hasHttp ? "give either 'http' or 'exec', not both"
                    : "give 'http' (a request to the service's port) or 'exec' (a command run in its container)");
        }
        Boolean reapply = r.bool("reapplyFiles");
        if (problems.size() > before) {
            return null;
        }
        return new Template.ResetHook(http, exec, Boolean.TRUE.equals(reapply));
    }

    private Template.Http http(StrictMap reset, Integer port) {
        StrictMap h = reset.map("http", false, "method, path, expect");
        if (h == null) {
            return null;
        }
        h.allowOnly(HTTP, Map.of());
        String method = h.string("method", false);
        if (method != null && !Template.Http.METHODS.contains(method)) {
            String hint = Suggest.closest(method, Template.Http.METHODS);
            problems.add(h.pathOf("method"), h.lineOf("method"), "'" + method + "' is not a method a reset hook can send"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; use one of "
                    + String.join(", ", Template.Http.METHODS));
        }
        String path = h.string("path", true);
        if (path != null && !path.startsWith("/")) {
            problems.add(h.pathOf("path"), h.lineOf("path"), "must be a path starting with '/', like /__admin/reset");
        }
        Integer expect = h.integer("expect", 100, 599, "an HTTP status");
        if (port == null) {
            problems.add(h.path(), h.line(), "an http reset hook needs the service's 'port'");
        }
        return new Template.Http(method == null ? Template.Http.DEFAULT_METHOD : method, path,
                expect == null ? Template.Http.DEFAULT_EXPECT : expect);
    }
}
