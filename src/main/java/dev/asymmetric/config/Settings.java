package dev.asymmetric.config;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where state lives and the knobs users set: environment variables first, then {@code $ASYM_HOME/config.yaml},
 * then defaults. Read once per process.
 */
public record Settings(
        Path home,
        Path templatesDir,
        String dockerHost,
        PortRange ports,
        String postgresImage,
        String redisImage,
        int controllerPort) {

    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:16-alpine";
    public static final String DEFAULT_REDIS_IMAGE = "redis:7-alpine";
    public static final int DEFAULT_CONTROLLER_PORT = 7780;

    /** The spec folder the controller watches when {@code --specs} isn't given. */
    public Path defaultSpecsDir() {
        return home.resolve("specs");
    }

    public static Settings fromEnvironment() {
        return load(System.getenv(), System.getProperty("user.home"));
    }

    /** @throws AsymException CONFIG_INVALID when an environment variable or config.yaml is malformed */
    public static Settings load(Map<String, String> env, String userHome) {
        String homeVar = env.get("ASYM_HOME");
        Path home = (homeVar == null || homeVar.isBlank() ? Path.of(userHome, ".asymmetric") : Path.of(homeVar))
                .toAbsolutePath().normalize();
        String templates = env.get("ASYM_TEMPLATES_DIR");
        Path templatesDir = templates == null || templates.isBlank() ? null : Path.of(templates).toAbsolutePath().normalize();
        FileValues file = readConfig(home.resolve("config.yaml"));

        String rangeText = firstOf(env.get("ASYM_PORT_RANGE"), file.ports);
        PortRange ports = PortRange.DEFAULT;
        if (rangeText != null) {
            ports = PortRange.parse(rangeText);
            if (ports == null) {
                throw new AsymException(ErrorCode.CONFIG_INVALID, "The port range '" + rangeText
                        + "' is not FIRST-LAST with 1 <= FIRST <= LAST <= 65535; fix ASYM_PORT_RANGE or 'ports' in "
                        + home.resolve("config.yaml"));
            }
        }
        String portText = firstOf(env.get("ASYM_CONTROLLER_PORT"), file.controllerPort);
        int controllerPort = DEFAULT_CONTROLLER_PORT;
        if (portText != null) {
            try {
                controllerPort = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                controllerPort = -1;
            }
            if (controllerPort < 1 || controllerPort > 65535) {
                throw new AsymException(ErrorCode.CONFIG_INVALID, "The controller port '" + portText
                        + "' is not a port number; fix ASYM_CONTROLLER_PORT or controller.port in config.yaml");
            }
        }
        return new Settings(home, templatesDir, env.get("DOCKER_HOST"), ports,
                firstOf(env.get("ASYM_POSTGRES_IMAGE"), file.postgresImage, DEFAULT_POSTGRES_IMAGE),
                firstOf(env.get("ASYM_REDIS_IMAGE"), file.redisImage, DEFAULT_REDIS_IMAGE),
                controllerPort);
    }

    private record FileValues(String ports, String postgresImage, String redisImage, String controllerPort) {
    }

    private static FileValues readConfig(Path file) {
        if (!Files.exists(file)) {
            return new FileValues(null, null, null, null);
        }
        YamlDocuments.Parsed parsed = new YamlDocuments().read(file);
        if (!parsed.ok()) {
            throw AsymException.invalid(ErrorCode.CONFIG_INVALID, file.toString(), parsed.problems());
        }
        Problems problems = new Problems();
        StrictMap top = StrictMap.of(parsed.root(), "", problems, "ports, postgres, redis, controller");
        String ports = null;
        String pg = null;
        String redis = null;
        String controller = null;
        if (top != null) {
            top.allowOnly(List.of("ports", "postgres", "redis", "controller"), Map.of());
            ports = top.string("ports", false);
            StrictMap p = top.map("postgres", false, "image");
            if (p != null) {
                p.allowOnly(List.of("image"), Map.of());
                pg = p.string("image", false);
            }
            StrictMap r = top.map("redis", false, "image");
            if (r != null) {
                r.allowOnly(List.of("image"), Map.of());
                redis = r.string("image", false);
            }
            StrictMap c = top.map("controller", false, "port");
            if (c != null) {
                c.allowOnly(List.of("port"), Map.of());
                Integer port = c.port("port");
                controller = port == null ? null : port.toString();
            }
        }
        if (!problems.isEmpty()) {
            throw AsymException.invalid(ErrorCode.CONFIG_INVALID, file.toString(), problems.list());
        }
        return new FileValues(ports, pg, redis, controller);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
