package dev.asymmetric.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A read-only catalog entry (template.yaml): ordered services (the first is the clone's endpoint), ordered modes
 * and seeds (the first of each is the default), an optional database and Redis. {@code source} says where it came
 * from ("built-in" or a directory); {@code dir} is where its files are (a directory or a path inside the jar).
 */
public record Template(
        String name,
        String description,
        String docs,
        List<Service> services,
        List<Mode> modes,
        List<Seed> seeds,
        DatabaseSpec database,
        RedisSpec redis,
        String source,
        Path dir) {

    /** The mode a clone gets when none is asked for. Templates without modes have one, named "default". */
    public static final String IMPLICIT_MODE = "default";

    public Template {
        services = List.copyOf(services);
        modes = modes == null || modes.isEmpty() ? List.of(new Mode(IMPLICIT_MODE, null, java.util.Map.of())) : List.copyOf(modes);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
    }

    public String defaultMode() {
        return modes.get(0).name();
    }

    /** The default seed, or null when the template has no seeds. */
    public String defaultSeed() {
        return seeds.isEmpty() ? null : seeds.get(0).name();
    }

    public Optional<Mode> mode(String name) {
        return modes.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Seed> seed(String name) {
        return seeds.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> modeNames() {
        return modes.stream().map(Mode::name).toList();
    }

    public List<String> seedNames() {
        return seeds.stream().map(Seed::name).toList();
    }

    /** The port keys of a clone in declared order: {@code <service>} for port, {@code <service>.<name>} for extras. */
    public List<String> portKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (Service s : services) {
            if (s.port() != null) {
                keys.add(s.name());
            }
            s.extraPorts().keySet().forEach(n -> keys.add(s.name() + "." + n));
        }
        return keys;
    }

    public record Service(
            String name,
            String image,
            String build,
            List<String> command,
            Integer port,
            java.util.Map<String, Integer> extraPorts,
            java.util.Map<String, String> environment,
            Health health) {
        public Service {
            command = command == null ? null : List.copyOf(command);
            extraPorts = extraPorts == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraPorts));
            environment = environment == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
            health = health == null ? Health.DEFAULT : health;
        }
    }

    /** How a service is judged healthy: an HTTP path, a TCP connect, or (neither) running plus port open. */
    public record Health(String http, boolean tcp, java.time.Duration timeout) {
        public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(90);
        public static final Health DEFAULT = new Health(null, false, DEFAULT_TIMEOUT);

        public Health {
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    public record Mode(String name, String description, java.util.Map<String, ServiceOverride> services) {
        public Mode {
            services = services == null ? java.util.Map.of() : java.util.Map.copyOf(services);
        }
    }

    /** A mode's change to one service: environment merged over the service's, command replacing it. */
    public record ServiceOverride(java.util.Map<String, String> environment, List<String> command) {
    }

    public record Seed(String name, String description, List<SeedFile> files, List<String> sql) {
        public Seed {
            files = files == null ? List.of() : List.copyOf(files);
            sql = sql == null ? List.of() : List.copyOf(sql);
        }
    }

    /** Copy {@code from} (a file or directory of the template) to the absolute path {@code to} in a service. */
    public record SeedFile(String service, String from, String to) {
    }

    public record DatabaseSpec(List<String> migrations) {
        public DatabaseSpec {
            migrations = migrations == null ? List.of() : List.copyOf(migrations);
        }
    }

    public record RedisSpec() {
    }
}
