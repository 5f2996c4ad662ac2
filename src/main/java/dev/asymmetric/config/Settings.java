package dev.asymmetric.config;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where state lives and the knobs users set: environment variables first, then {@code $ASYM_HOME/config.yaml},
 * then defaults (docs/cli.md). Read once per process. {@code home} is canonical (a symlink to a home is that
 * home). {@code templateDirs} are the user template directories in catalog order, a later one overriding an
 * earlier: config.yaml's {@code templates} as listed, then {@code ASYM_TEMPLATES_DIR}.
 */
public record Settings(
        Path home,
        List<Path> templateDirs,
        String dockerHost,
        PortRange ports,
        String postgresImage,
        String redisImage,
        int controllerPort,
        ByteSize seedLimit,
        Tuning tuning,
        Map<String, Integer> pool) {

    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:16-alpine";
    public static final String DEFAULT_REDIS_IMAGE = "redis:7-alpine";
    public static final int DEFAULT_CONTROLLER_PORT = 7780;

    public Settings {
        templateDirs = List.copyOf(templateDirs);
        pool = pool == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pool));
    }

    /** The spec folder the controller watches when {@code --specs} isn't given. */
    public Path defaultSpecsDir() {
        return home.resolve("specs");
    }

    public static Settings fromEnvironment() {
        return load(System.getenv(), System.getProperty("user.home"));
    }

    /** @throws AsymException CONFIG_INVALID when ASYM_HOME can't be a home, or a variable or config.yaml is malformed */
    public static Settings load(Map<String, String> env, String userHome) {
        String homeVar = env.get("ASYM_HOME");
        Path home = HomePath.canonical(homeVar == null || homeVar.isBlank() ? Path.of(userHome, ".asymmetric")
                : Path.of(homeVar));
        Path configFile = home.resolve("config.yaml");
        ConfigFile file = ConfigFile.read(configFile);

        String rangeText = firstOf(env.get("ASYM_PORT_RANGE"), file.ports());
        PortRange ports = PortRange.DEFAULT;
        if (rangeText != null) {
            ports = PortRange.parse(rangeText);
            if (ports == null) {
                throw new AsymException(ErrorCode.CONFIG_INVALID, "The port range '" + rangeText
                        + "' is not FIRST-LAST with 1 <= FIRST <= LAST <= 65535; fix ASYM_PORT_RANGE or 'ports' in "
                        + configFile);
            }
        }
        String portText = firstOf(env.get("ASYM_CONTROLLER_PORT"), file.controllerPort());
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
        String limitText = firstOf(env.get("ASYM_SEED_LIMIT"), file.seedLimit());
        ByteSize seedLimit = limitText == null ? ByteSize.DEFAULT_SEED_LIMIT : ByteSize.parse(limitText);
        if (seedLimit == null) {
            throw new AsymException(ErrorCode.CONFIG_INVALID, "The seed limit '" + limitText + "' is not a size like"
                    + " 64MiB, 512KiB or 1048576 (bytes); fix ASYM_SEED_LIMIT or 'seedLimit' in " + configFile);
        }
        return new Settings(home, templateDirs(env.get("ASYM_TEMPLATES_DIR"), file.templates(), home, userHome),
                env.get("DOCKER_HOST"), ports,
                firstOf(env.get("ASYM_POSTGRES_IMAGE"), file.postgresImage(), DEFAULT_POSTGRES_IMAGE),
                firstOf(env.get("ASYM_REDIS_IMAGE"), file.redisImage(), DEFAULT_REDIS_IMAGE),
                controllerPort, seedLimit, Tuning.from(System::getProperty), file.pool());
    }

    /** Reconcile workers per process. */
    public int workers() {
        return tuning.workers();
    }

    /** The controller's periodic resync. */
    public java.time.Duration resync() {
        return tuning.resync();
    }

    /** config.yaml's directories (relative to the home, {@code ~/} to the user's home), then ASYM_TEMPLATES_DIR. */
    private static List<Path> templateDirs(String envDir, List<String> configured, Path home, String userHome) {
        List<Path> dirs = new ArrayList<>();
        for (String d : configured) {
            Path p = d.equals("~") || d.startsWith("~/") ? Path.of(userHome, d.substring(1).replaceFirst("^/", ""))
                    : home.resolve(d);
            dirs.add(p.toAbsolutePath().normalize());
        }
        if (envDir != null && !envDir.isBlank()) {
            dirs.add(Path.of(envDir).toAbsolutePath().normalize());
        }
        return dirs;
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
